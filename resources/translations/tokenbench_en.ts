<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackendEditor</name>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="446"/>
        <source>backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="448"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="449"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="450"/>
        <source>letters, digits and _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="451"/>
        <source>&amp;Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="452"/>
        <source>origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="453"/>
        <source>https://api.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="454"/>
        <source>&amp;Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="455"/>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="456"/>
        <source>/v1/**</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="447"/>
        <source>background: #f8d7da; color: #842029; border: 1px solid #e0a0a8;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="457"/>
        <source>Timeouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="464"/>
        <source>Connection (TLS and proxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="465"/>
        <source>Pro&amp;xy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="466"/>
        <source>proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="467"/>
        <source>http://proxy.example:3128</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="468"/>
        <source>Server C&amp;A file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="469"/>
        <source>server_ca_certificate_file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="470"/>
        <source>PEM or DER, added to the system CAs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="471"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="475"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="479"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="472"/>
        <source>Client c&amp;ertificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="473"/>
        <source>client_certificate_file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="474"/>
        <source>mutual TLS: PEM or DER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="476"/>
        <source>Client private &amp;key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="477"/>
        <source>client_private_key_file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="478"/>
        <source>the certificate&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="480"/>
        <source>Certificate check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="481"/>
        <source>disable_certificate_validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="482"/>
        <source>Request parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="483"/>
        <source>Set &amp;headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="484"/>
        <source>set_request_headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="485"/>
        <source>{ x-tenant = &quot;a&quot; }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="486"/>
        <source>Set &amp;query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="487"/>
        <source>set_query_params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="488"/>
        <source>{ audience = &quot;api&quot; }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="489"/>
        <source>Set &amp;form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="490"/>
        <source>set_form_params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="491"/>
        <source>{ resource = &quot;https://api.example.com&quot; }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="492"/>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="493"/>
        <source>Token requests &amp;via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="494"/>
        <source>Disco&amp;ver…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="495"/>
        <source>Resource check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="496"/>
        <source>Resource &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="497"/>
        <source>tokenbench_resource_url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="498"/>
        <source>https://api.example.com/v1/me (Tokenbench only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="499"/>
        <source>As in Couper, the timeouts, TLS, proxy and parameters apply to requests sent through this backend: the resource check, and token requests of the backends whose oauth2 block names this one in &quot;Token requests via&quot;. Without a token backend the token request goes to token_endpoint with Couper&apos;s defaults (300s, 10s, 60s, system CAs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="458"/>
        <source>&amp;Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="459"/>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="460"/>
        <source>&amp;Connect timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="461"/>
        <source>connect_timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="462"/>
        <source>Time to first &amp;byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_backendeditor.h" line="463"/>
        <source>ttfb_timeout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BetaTokenRequestEditor</name>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="5"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="241"/>
        <source>beta_token_request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="10"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="242"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="13"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="243"/>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="14"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="244"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="14"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="246"/>
        <source>The token request&apos;s label: letters, digits and _. Without a label it is the backend&apos;s &quot;default&quot; request, referenced as backend.beta_token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="15"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="248"/>
        <source>&amp;Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="16"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="249"/>
        <source>this backend&apos;s origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="16"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="251"/>
        <source>The backend the token request is sent to: the name of a backend in definitions. Empty: the origin of the backend this block is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="17"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="253"/>
        <source>&amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="18"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="254"/>
        <source>/token (relative to the backend&apos;s origin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="18"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="256"/>
        <source>The URL of the token request, usually a path relative to the backend&apos;s origin. Couper sends it to the backend&apos;s origin even when it is absolute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="19"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="258"/>
        <source>&amp;Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="20"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="259"/>
        <source>GET, or POST when there is a body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="21"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="260"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="23"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="261"/>
        <source>Query parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="25"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="262"/>
        <source>B&amp;ody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="33"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="263"/>
        <source>Token from the response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="36"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="264"/>
        <source>E&amp;xpected status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="37"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="265"/>
        <source>any status, e.g. 200, 201</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="38"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="266"/>
        <source>&amp;Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="39"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="267"/>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="39"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="268"/>
        <source>beta_token_response.json_body.access_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="39"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="270"/>
        <source>Required. An HCL expression over beta_token_response (status, headers, cookies, body, json_body) that yields the token string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="41"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="272"/>
        <source>TT&amp;L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="42"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="273"/>
        <source>ttl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="42"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="274"/>
        <source>&quot;${default(beta_token_response.json_body.expires_in, 3600) * 0.9}s&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="42"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="276"/>
        <source>Required. An HCL expression yielding a Go duration string (&quot;3240s&quot;, &quot;1h&quot;): how long Couper keeps the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.ui" line="49"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_betatokenrequesteditor.h" line="278"/>
        <source>Last response (beta_token_response)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/exportdialog.ui" line="6"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="271"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="10"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="272"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="12"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="273"/>
        <source>&amp;Backend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="22"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="274"/>
        <source>Couper &amp;version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="24"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="275"/>
        <source>&amp;Anonymous backend (for a proxy or request block)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="32"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="276"/>
        <source>&amp;Resource URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="33"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="277"/>
        <source>the backend&apos;s origin and path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="40"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="278"/>
        <source>A&amp;pplication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="41"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="279"/>
        <source>metadata.name, e.g. my-app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="42"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="280"/>
        <source>&amp;Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="43"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="281"/>
        <source>context.tenant (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="44"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="282"/>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="45"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="283"/>
        <source>context.group (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="46"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="284"/>
        <source>Fetched &amp;status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="47"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="285"/>
        <source>Paste the output of kubectl get tokenrequest NAME -o yaml (or -o json) to see its state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="60"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="286"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="61"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="287"/>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.ui" line="62"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_exportdialog.h" line="288"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OAuth2Editor</name>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="318"/>
        <source>oauth2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="319"/>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="320"/>
        <source>&amp;Token endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="321"/>
        <source>token_endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="322"/>
        <source>https://as.example.com/oauth/token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="323"/>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="324"/>
        <source>&amp;Grant type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="325"/>
        <source>grant_type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="326"/>
        <source>Sc&amp;ope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="327"/>
        <source>scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="328"/>
        <source>space-separated, e.g. read write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="340"/>
        <source>Client authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="341"/>
        <source>&amp;Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="342"/>
        <source>token_endpoint_auth_method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="343"/>
        <source>Client &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="344"/>
        <source>client_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="345"/>
        <source>the client&apos;s identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="346"/>
        <source>Client &amp;secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="347"/>
        <source>client_secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="350"/>
        <source>Resource owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="351"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="352"/>
        <source>username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="353"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="354"/>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="355"/>
        <source>Assertion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="356"/>
        <source>&amp;Assertion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="357"/>
        <source>assertion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="358"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="359"/>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="360"/>
        <source>retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="329"/>
        <source>Interactive sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="330"/>
        <source>Authori&amp;zation endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="331"/>
        <source>authorization_endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="332"/>
        <source>https://as.example.com/authorize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="333"/>
        <source>Redire&amp;ct URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="334"/>
        <source>redirect_uri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="335"/>
        <source>&amp;Device endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="336"/>
        <source>device_authorization_endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="337"/>
        <source>https://as.example.com/device/auth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="338"/>
        <source>Refresh to&amp;ken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="339"/>
        <source>refresh_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="348"/>
        <source>raw_basic_credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_oauth2editor.h" line="349"/>
        <source>Send Basic credentials ra&amp;w (not form-encoded; compatibility)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="88"/>
        <source>Tokenbench workspaces (*.tbw);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="90"/>
        <source>Workspaces and Couper files (*.tbw *.hcl);;Tokenbench workspaces (*.tbw);;Couper configuration (*.hcl);;HTTP request files, imported (*.http *.rest);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/startup.cpp" line="29"/>
        <source>Opened %1; %n more file(s) were not opened: Tokenbench shows one workspace per window.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="27"/>
        <source>expired %1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="28"/>
        <source>expired %1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="31"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="71"/>
        <source>
… %1 more bytes not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/couperfilesession.cpp" line="36"/>
        <location filename="../../ui/couperfilesession.cpp" line="92"/>
        <source>Cannot save into the Couper file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/couperfilesession.cpp" line="37"/>
        <source>%1

%2

Your changes are still open here; Save As writes them as a Tokenbench workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/couperfilesession.cpp" line="51"/>
        <source>The file changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/couperfilesession.cpp" line="52"/>
        <source>%1 was changed by another program since Tokenbench opened it.

Reload it (your unsaved edits here are discarded) or overwrite it with your version (the other changes are lost)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/couperfilesession.cpp" line="56"/>
        <source>%1 can no longer be read (moved or deleted?).

Write your version there again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/couperfilesession.cpp" line="62"/>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/couperfilesession.cpp" line="65"/>
        <source>&amp;Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/couperfilesession.cpp" line="93"/>
        <source>%1

%2

The file on disk is unchanged; your edits are still open here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SigningProfileEditor</name>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="226"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="229"/>
        <source>jwt_signing_profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="227"/>
        <source>This oauth2 block has no jwt_signing_profile. It is needed for client_secret_jwt and private_key_jwt, and it can sign the jwt-bearer assertion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="228"/>
        <source>&amp;Add jwt_signing_profile block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="230"/>
        <source>&amp;Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="231"/>
        <source>signature_algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="232"/>
        <source>&amp;TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="233"/>
        <source>ttl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="234"/>
        <source>e.g. 60s (Go duration; sets exp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="235"/>
        <source>Key &amp;file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="236"/>
        <source>key_file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="237"/>
        <source>PEM private key (RS*/ES*) or HMAC secret file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="238"/>
        <source>&amp;Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="239"/>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="240"/>
        <source>or the key itself: env.NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="241"/>
        <source>&amp;kid header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="242"/>
        <source>key id sent in the JWS header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="243"/>
        <source>&amp;Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="244"/>
        <source>claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="245"/>
        <source>{ role = &quot;svc&quot; }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="246"/>
        <source>&amp;Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="247"/>
        <source>headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="248"/>
        <source>{ kid = &quot;key-1&quot; }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="249"/>
        <source>&amp;Back to oauth2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.ui" line="2"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_signingprofileeditor.h" line="250"/>
        <source>&amp;Remove signing profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenPanel</name>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="14"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="227"/>
        <source>No token yet. Select a backend and press Run (Ctrl+Return).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="33"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="228"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="35"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="229"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="42"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="230"/>
        <source>Couper cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="44"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="231"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="46"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="232"/>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="48"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="233"/>
        <source>Refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="57"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="235"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="58"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="237"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="59"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="239"/>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="64"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="240"/>
        <source>&amp;Copy token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="65"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="241"/>
        <source>&amp;Inspect JWT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="66"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_tokenpanel.h" line="242"/>
        <source>Copy as &amp;header</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui</name>
    <message>
        <location filename="../../ui/undocommands.cpp" line="26"/>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/undocommands.cpp" line="92"/>
        <source>Delete backend %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::AboutDialog</name>
    <message>
        <location filename="../../ui/aboutdialog.cpp" line="13"/>
        <source>About Tokenbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/aboutdialog.cpp" line="17"/>
        <source>&lt;h2&gt;Tokenbench %1&lt;/h2&gt;&lt;p&gt;Design, run and debug OAuth2 token requests and Couper token blocks.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence.&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::BackendEditor</name>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="25"/>
        <source>The backend&apos;s label: letters, digits and _ (Couper&apos;s rule). Referenced as backends.NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="38"/>
        <source>Read the authorization server&apos;s metadata (OpenID Connect or RFC 8414), fill the endpoints and check this configuration against what the server supports (Ctrl+Shift+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="43"/>
        <source>Check the server&apos;s certificate (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="44"/>
        <source>Check the server&apos;s certificate (false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="45"/>
        <source>Do NOT check it (true) — insecure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="61"/>
        <source>Choose the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="66"/>
        <source>&lt;b&gt;oauth2 { backend }&lt;/b&gt;&lt;br&gt;The backend the token request is sent through: its timeouts, TLS (client certificate, CA), proxy and request parameters apply to the token request. Without one, Couper sends it straight to token_endpoint with its defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="133"/>
        <source>&lt;b&gt;backend &quot;%1&quot;&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="173"/>
        <source>ℹ The tls block also has inline PEM values (from the file); they are kept as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="186"/>
        <source>Tokens come from this backend&apos;s &lt;b&gt;oauth2&lt;/b&gt; block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="187"/>
        <source>This backend has no token source yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="188"/>
        <source>Edit oauth2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="188"/>
        <source>Add oauth2 block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="192"/>
        <source>Signing &amp;profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="193"/>
        <source>Add signing &amp;profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="196"/>
        <source>token_endpoint directly (Couper&apos;s defaults)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="198"/>
        <source>the nested backend block (from the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="203"/>
        <source>backend &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="208"/>
        <source>backend &quot;%1&quot; (not defined)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="229"/>
        <source>Add tls block to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="235"/>
        <source>Choose a certificate or key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="236"/>
        <source>Certificates and keys (*.pem *.crt *.cer *.der *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="256"/>
        <source>Rename backend %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::BetaTokenRequestEditor</name>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="113"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="114"/>
        <source>form_body (application/x-www-form-urlencoded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="115"/>
        <source>json_body (application/json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="116"/>
        <source>body (text/plain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="120"/>
        <source>Re&amp;veal secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="122"/>
        <source>Show tokens and credentials of the response in clear instead of fingerprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="129"/>
        <source>Run this token request (Ctrl+Return) to see its response here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="300"/>
        <source>&lt;b&gt;beta_token_request &quot;%1&quot;&lt;/b&gt; &lt;span style=&apos;color:#d03030&apos;&gt;✖ token request names must be unique: &quot;%2&quot; is taken&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="316"/>
        <source>Rename token request %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="350"/>
        <source>Remove the token request body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="351"/>
        <source>Send the token request body as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="398"/>
        <source>&lt;b&gt;beta_token_request &quot;%1&quot;&lt;/b&gt; in backend &lt;b&gt;%2&lt;/b&gt; — referenced as &lt;code&gt;%3&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="409"/>
        <source>a nested backend block (origin %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="493"/>
        <source>Run once (Ctrl+Return): token and ttl are then evaluated here as you type, against that response, without sending the request again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="516"/>
        <source>✖ %1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/betatokenrequesteditor.cpp" line="540"/>
        <source>✔ token = %1 (%n character(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="556"/>
        <source>✔ ttl = &quot;%1&quot; → %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="560"/>
        <source> (%1); Couper keeps the token until %2 and requests a new one on the first backend request after that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="565"/>
        <source>then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/betatokenrequesteditor.cpp" line="567"/>
        <source>: not cached — Couper requests a token for every backend request and backends.NAME.beta_tokens never holds it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::BlockEditor</name>
    <message>
        <location filename="../../ui/blockeditor.cpp" line="46"/>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::ClaimTable</name>
    <message>
        <location filename="../../ui/claimtable.cpp" line="43"/>
        <source>issuer: who made the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="44"/>
        <source>subject: whom the token is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="45"/>
        <source>audience: who the token is meant for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="46"/>
        <source>token id, unique per token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="47"/>
        <source>granted scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="48"/>
        <source>the client the token was issued to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="49"/>
        <source>authorized party: the client that asked for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="50"/>
        <source>ties an ID token to its authorization request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="51"/>
        <source>hash of the access token issued with this ID token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="52"/>
        <source>hash of the authorization code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="53"/>
        <source>session id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="54"/>
        <source>confirmation: the key the token is bound to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="57"/>
        <source>expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="58"/>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="59"/>
        <source>not valid before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/claimtable.cpp" line="60"/>
        <source>authenticated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::DiffPreviewDialog</name>
    <message>
        <location filename="../../ui/diffpreviewdialog.cpp" line="54"/>
        <source>Save into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/diffpreviewdialog.cpp" line="62"/>
        <source>Saving changes %1: %2 line(s) added, %3 removed. Everything else in the file stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::DiscoveryDialog</name>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="31"/>
        <source>Discover Authorization Server — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="33"/>
        <source>Enter the issuer (https://login.example.com) or a metadata URL (…/.well-known/openid-configuration or /.well-known/oauth-authorization-server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="42"/>
        <source>&amp;Discover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="66"/>
        <source>&amp;Apply to oauth2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="127"/>
        <source>Fetching metadata… (Esc cancels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="153"/>
        <source>Canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="159"/>
        <source>✔ Metadata from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="161"/>
        <source>issuer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="163"/>
        <source>(not advertised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="170"/>
        <source>grant types: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="172"/>
        <source>client authentication: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="178"/>
        <source>✔ The configuration matches what the server advertises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discoverydialog.cpp" line="203"/>
        <source>Apply discovery to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::ExportDialog</name>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="31"/>
        <source>Kyma TokenRequest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="112"/>
        <source>Enter the Application&apos;s name to write its TokenRequest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="115"/>
        <source>The workspace has no backend to export: add one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="142"/>
        <source>No environment variables needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="143"/>
        <source>Environment variables needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="152"/>
        <source>Blocked: the text would contain the secret value of %1. Use an env.NAME reference there instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="160"/>
        <source>Secret scan: no secret value in the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="172"/>
        <source>No status read yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="178"/>
        <source>Cannot read it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="183"/>
        <source>Application %1: state %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="183"/>
        <source>not processed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="186"/>
        <source>Token expires in %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="188"/>
        <source>Token expired at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="192"/>
        <source>Connector URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="213"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="213"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="228"/>
        <source>Save Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/exportdialog.cpp" line="229"/>
        <source>%1 files (*.%2);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::FlowController</name>
    <message>
        <location filename="../../ui/flowcontroller.cpp" line="50"/>
        <source>Exchanging the authorization code for tokens…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flowcontroller.cpp" line="52"/>
        <source>Verifying the ID token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flowcontroller.cpp" line="98"/>
        <source>No expires_in: nothing to refresh ahead of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flowcontroller.cpp" line="99"/>
        <source>Refresh automatically at 90 % of expires_in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flowcontroller.cpp" line="106"/>
        <source>Refreshing automatically in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flowcontroller.cpp" line="131"/>
        <source>No refresh token: run an authorization code or device flow (or a grant that issues one) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flowcontroller.cpp" line="134"/>
        <source>The refresh request cannot be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flowcontroller.cpp" line="158"/>
        <source>Refresh request preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flowcontroller.cpp" line="167"/>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::ImportCurlDialog</name>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="25"/>
        <source>Import Token Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="30"/>
        <source>curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="31"/>
        <source>HTTP request file (.http)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="32"/>
        <source>&amp;Paste:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="35"/>
        <source>Backend &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="39"/>
        <source>Paste a curl command that calls the token endpoint, e.g. from the browser&apos;s developer tools: Copy as cURL (bash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="52"/>
        <source>&amp;Add to Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="81"/>
        <source>Paste a command to see the backend it becomes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="83"/>
        <source>The backend name may use letters, digits and _ only (as Couper requires).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="88"/>
        <source>Cannot import it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/importcurldialog.cpp" line="99"/>
        <source>Secrets go to the keychain, referenced as env.NAME: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::InteractiveFlowPanel</name>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="47"/>
        <source>Copy UR&amp;L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="49"/>
        <source>Ope&amp;n in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="51"/>
        <source>Cop&amp;y code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="53"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="55"/>
        <source>Stop waiting and cancel the run (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="117"/>
        <source>Waiting for the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="118"/>
        <location filename="../../ui/interactiveflowpanel.cpp" line="172"/>
        <source>Opening browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="118"/>
        <location filename="../../ui/interactiveflowpanel.cpp" line="172"/>
        <source>Waiting for redirect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="118"/>
        <location filename="../../ui/interactiveflowpanel.cpp" line="172"/>
        <source>Exchanging code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="119"/>
        <source>Sign in in the browser window that opened. Tokenbench receives the answer at %1. If no browser opened, copy the URL below or open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="129"/>
        <source>Ope&amp;n again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="140"/>
        <source>Waiting for the sign-in on another device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="141"/>
        <source>Device code issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="141"/>
        <source>Waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="141"/>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="142"/>
        <source>Open %1 and enter this code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="150"/>
        <source>Ope&amp;n verification page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="161"/>
        <source>Open %1 and enter this code (the server asked to poll less often):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="199"/>
        <source>The code has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/interactiveflowpanel.cpp" line="202"/>
        <source>Code expires in %1:%2 · checking every %3 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::JwtPanel</name>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="50"/>
        <source>Paste a JWT (or pick Inspect on a token)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="69"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="69"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="69"/>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="80"/>
        <source>&amp;Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="81"/>
        <source>&amp;Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="82"/>
        <source>Pa&amp;yload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="96"/>
        <source>Copy token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="97"/>
        <source>Copy header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="98"/>
        <source>Copy payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="102"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="106"/>
        <source>Issuer&apos;s keys (discovered from iss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="107"/>
        <source>JWKS URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="108"/>
        <source>JWKS or JWK file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="109"/>
        <source>PEM public key or certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="110"/>
        <source>HMAC secret (environment variable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="113"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="118"/>
        <source>expected iss (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="120"/>
        <source>expected aud (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="123"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="125"/>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="127"/>
        <source>&amp;Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="128"/>
        <source>&amp;Audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="129"/>
        <source>Clock &amp;skew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="130"/>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="147"/>
        <source>https://as.example.com/jwks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="148"/>
        <source>NAME of the environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="149"/>
        <source>from the token&apos;s iss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="150"/>
        <source>file path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="155"/>
        <source>Choose a key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="166"/>
        <source> — keys from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="249"/>
        <source>An encrypted token (JWE): only its protected header can be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="283"/>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="290"/>
        <source> — key from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="299"/>
        <source>✘ environment variable &quot;%1&quot; is not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="303"/>
        <source>the HMAC secret in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="308"/>
        <source>✘ cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="336"/>
        <source>✔ valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/jwtpanel.cpp" line="336"/>
        <source>✘ not valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::KeyValueEditor</name>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="25"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="25"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="31"/>
        <source>Values are text; env.NAME, numbers, true/false and other HCL expressions are kept as expressions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="38"/>
        <source>An HCL expression, e.g. { grant_type = &quot;client_credentials&quot; }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="47"/>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="48"/>
        <source>Add an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="51"/>
        <source>−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="52"/>
        <source>Remove the selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="55"/>
        <source>HCL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="57"/>
        <source>Edit as an HCL expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="95"/>
        <source>Not a literal object: stays HCL text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/keyvalueeditor.cpp" line="193"/>
        <source>Not a literal object: edited as HCL text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="307"/>
        <source>&amp;New Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="308"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="309"/>
        <source>Open &amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="310"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="312"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="314"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="317"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="321"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="326"/>
        <source>Add &amp;Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="328"/>
        <source>Add &amp;oauth2 Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="330"/>
        <source>Remove oauth2 Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="331"/>
        <source>&amp;Token Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="337"/>
        <source>Add &amp;Token Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="338"/>
        <source>Add a beta_token_request block to the selected backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="340"/>
        <source>D&amp;uplicate Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="342"/>
        <source>Re&amp;name Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="343"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="345"/>
        <location filename="../../ui/mainwindow.cpp" line="431"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="349"/>
        <source>&amp;Cancel Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="351"/>
        <source>C&amp;lear Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="353"/>
        <source>&amp;Discover Authorization Server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="356"/>
        <source>Edit Si&amp;gning Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="359"/>
        <source>Run with &amp;Fresh Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="362"/>
        <source>F&amp;orget Cached Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="363"/>
        <source>&amp;Filter Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="368"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="370"/>
        <source>&amp;Import curl…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="372"/>
        <source>Save &amp;Trace as HAR/Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="374"/>
        <source>&amp;Secrets in Keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="376"/>
        <source>&amp;JWT Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="385"/>
        <source>&amp;About Tokenbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="391"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="397"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="400"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="413"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="438"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="443"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="459"/>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="483"/>
        <source>Rename backend %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="521"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="523"/>
        <source>Request a token for the selected backend (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="525"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="527"/>
        <source>Cancel the running request (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="574"/>
        <location filename="../../ui/mainwindow.cpp" line="589"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="590"/>
        <source>Problems (%1 errors, %2 warnings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1184"/>
        <source>Replace set_request_headers?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1185"/>
        <source>Backend %1&apos;s set_request_headers cannot be merged (%2).

Replace it with %3? Other headers in it are removed (Undo brings them back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1195"/>
        <source>Use token request %1 for the resource check of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1200"/>
        <source>%1 is applied to set_request_headers; give %2 a resource URL for Run to call it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1201"/>
        <source>%1 is applied to set_request_headers; Run fetches it and calls the resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1601"/>
        <source>Forgot the cached token of %1; the next Run requests a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1619"/>
        <source>resource %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1620"/>
        <source>resource unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1649"/>
        <source>Discovery applied to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1672"/>
        <source>discovery: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1733"/>
        <source>Cannot open request file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1748"/>
        <source>Cannot import request file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1749"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1755"/>
        <location filename="../../ui/mainwindow.cpp" line="1775"/>
        <source>Import backend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1760"/>
        <source>Imported the request of %1 as backend %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1791"/>
        <source>Tokenbench trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1795"/>
        <location filename="../../ui/mainwindow.cpp" line="1808"/>
        <source>Save Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1795"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1798"/>
        <source>Trace saved to %1 (secrets redacted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1805"/>
        <source>The trace is empty: run a token request first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1809"/>
        <source>HAR 1.2 (*.har);;Markdown report (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="634"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="636"/>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="642"/>
        <source>not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="684"/>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="796"/>
        <source>Select a backend or block on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="820"/>
        <source>The %1 block is kept exactly as it is; Tokenbench has no form for it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="845"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="846"/>
        <source>The workspace has unsaved changes. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="936"/>
        <source>Cannot open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="249"/>
        <location filename="../../ui/mainwindow.cpp" line="886"/>
        <location filename="../../ui/mainwindow.cpp" line="937"/>
        <location filename="../../ui/mainwindow.cpp" line="1733"/>
        <source>%1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="217"/>
        <source>Could not write the recovery file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="229"/>
        <source>an unsaved workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="231"/>
        <source>Restore unsaved changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="232"/>
        <source>Tokenbench did not close properly. Restore the unsaved changes to %1 from %2?

Secrets typed in that session are not restored: they are never written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="249"/>
        <source>Cannot restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="267"/>
        <source>Restored unsaved changes from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="598"/>
        <location filename="../../ui/mainwindow.cpp" line="1454"/>
        <source>Keychain: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="638"/>
        <source>%1 (Couper file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="875"/>
        <source>Open Workspace or Couper File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="885"/>
        <source>Cannot open the Couper file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="919"/>
        <source>Opened %1 (%n problem(s)); Save writes your edits back into it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="966"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="966"/>
        <source>the demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1005"/>
        <source>Saved your edits into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1006"/>
        <source>Nothing to save: %1 already has these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1015"/>
        <source>Save Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1029"/>
        <source>Cannot save workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1030"/>
        <source>%1

%2

Your changes are still open here; try another folder with Save As.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1494"/>
        <source>Secrets kept out of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1058"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1067"/>
        <location filename="../../ui/mainwindow.cpp" line="1077"/>
        <source>Add backend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1089"/>
        <source>Add oauth2 block to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1100"/>
        <source>Remove oauth2 block from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1120"/>
        <source>Token Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1139"/>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1163"/>
        <source>Add token request %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1219"/>
        <source>Remove token request from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1230"/>
        <source>Duplicate backend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1293"/>
        <source>JWT Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1324"/>
        <source>✘ unverified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1329"/>
        <source>✔ verified: %1 (keys from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1338"/>
        <source>✘ not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1373"/>
        <source>Select the backend to run in the tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1378"/>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1451"/>
        <source> Keychain ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1456"/>
        <source>Keychain unavailable: secrets in memory only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1457"/>
        <source>⚠ No keychain: %1 Secrets you type are kept in memory for this session only and are never written to disk; the workspace file refers to them as env.NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1490"/>
        <source>Stored in the keychain, referenced from the file as env.NAME:
%1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1492"/>
        <source>
Not stored (the keychain is unavailable) — kept in memory for this session only; set these environment variables before the next session:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1550"/>
        <source>✔ cached token reused (no token request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1551"/>
        <source>✔ %1 · %2 ms · token issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1553"/>
        <source>, expires in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1555"/>
        <source>Canceled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::OAuth2Editor</name>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="18"/>
        <source>Client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="19"/>
        <source>Password (resource owner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="20"/>
        <source>JWT bearer (RFC 7523)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="21"/>
        <source>Authorization code + PKCE (browser sign-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="22"/>
        <source>Refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="23"/>
        <source>Device code (RFC 8628)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="26"/>
        <source>client_secret_basic (Authorization header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="27"/>
        <source>client_secret_post (form body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="28"/>
        <source>none (public client: client_id only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="30"/>
        <source>default: http://127.0.0.1/callback (random port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="32"/>
        <source>&lt;b&gt;raw_basic_credentials&lt;/b&gt; (Tokenbench only)&lt;br&gt;Couper form-encodes client_id and client_secret before base64 (RFC 6749 §2.3.1). Some servers expect the raw values: tick this to send them unencoded. Couper itself does not know this attribute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="48"/>
        <source>&lt;b&gt;backend &quot;%1&quot;&lt;/b&gt; › oauth2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="88"/>
        <source>Required for this grant and authentication method</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::SecretLineEdit</name>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="23"/>
        <source>env.NAME, or type the secret for this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="27"/>
        <location filename="../../ui/secretlineedit.cpp" line="47"/>
        <source>Show the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="47"/>
        <source>Hide the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="65"/>
        <source>%1 comes from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="67"/>
        <source>%1 is not set: not in the environment and not in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="68"/>
        <source>%1 comes from the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="72"/>
        <source>Kept in memory for this session only. When saving, the workspace file gets a reference (env.NAME) instead of the value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::SecretsDialog</name>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="23"/>
        <source>Secrets in the Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="25"/>
        <source>Secrets this workspace keeps in the operating system&apos;s keychain. Workspace files refer to them as env.NAME; values are never shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="38"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="39"/>
        <source>&amp;Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="41"/>
        <source>Forget &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="76"/>
        <source>Nothing stored yet. Secrets you type are stored here when you save the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="88"/>
        <source>Forgot %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="88"/>
        <location filename="../../ui/secretsdialog.cpp" line="91"/>
        <source>Could not forget %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="99"/>
        <source>Forget all secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="100"/>
        <source>Remove every secret of this workspace from the keychain?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="104"/>
        <source>All secrets of this workspace were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="105"/>
        <source>Some secrets could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="112"/>
        <source>Store a Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="116"/>
        <source>NAME, used as env.NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="118"/>
        <source>the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="119"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="120"/>
        <source>&amp;Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="131"/>
        <source>Stored %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretsdialog.cpp" line="132"/>
        <source>Could not store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::SigningProfileEditor</name>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="39"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="43"/>
        <source>%1 (Tokenbench only, not Couper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="45"/>
        <location filename="../../ui/signingprofileeditor.cpp" line="105"/>
        <source>&lt;b&gt;headers { kid }&lt;/b&gt;&lt;br&gt;The key id the server uses to pick the key; kept in the headers attribute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="78"/>
        <source>signs the jwt-bearer assertion (unless an assertion is given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="80"/>
        <source>signs the client_secret_jwt assertion with the client secret (HS*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="82"/>
        <source>signs the private_key_jwt assertion with its key (RS*/ES*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="83"/>
        <source>is not used with %1: Couper refuses a profile with this method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="84"/>
        <source>&lt;b&gt;jwt_signing_profile&lt;/b&gt; in the oauth2 block of backend &quot;%1&quot;: it %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="107"/>
        <source>headers is not a simple object: edit kid there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="140"/>
        <source>Add jwt_signing_profile to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signingprofileeditor.cpp" line="153"/>
        <source>Remove jwt_signing_profile from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::TokenPanel</name>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="50"/>
        <source>Copies the token; the clipboard is cleared after 30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="53"/>
        <source>ID token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="60"/>
        <source>Refre&amp;sh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="62"/>
        <source>Send the refresh_token grant now with the refresh token of this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="63"/>
        <source>Preview refresh request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="65"/>
        <source>Show the exact refresh request that would be sent, secrets redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="66"/>
        <source>&amp;Auto-refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="69"/>
        <source>Refresh automatically when Couper would stop reusing the token (90 % of expires_in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="84"/>
        <source>&amp;Forget cached token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="86"/>
        <source>Drop this backend&apos;s cached token: the next Run requests a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="90"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="91"/>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="132"/>
        <source>(not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="135"/>
        <source>reused for %1 (from the ttl expression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="136"/>
        <source>not cached: a ttl below one second fetches a token for every request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="138"/>
        <source>reused for %1 (90 % of expires_in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="140"/>
        <source>not cached: without a numeric expires_in Couper uses the token for one request only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="158"/>
        <source>none requested, none reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="161"/>
        <source>  (the server did not report the granted scope)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="163"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="163"/>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="167"/>
        <location filename="../../ui/tokenpanel.cpp" line="190"/>
        <source>checking against the issuer&apos;s keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="167"/>
        <source>not a JWT (opaque token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="195"/>
        <source>✔ verified (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="208"/>
        <source>✘ not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="213"/>
        <source>Signature: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="215"/>
        <source>Keys: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="288"/>
        <source>%1 %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tokenpanel.cpp" line="292"/>
        <source> — %n call(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tokenpanel.cpp" line="294"/>
        <source>, %n new token(s) after 401</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="312"/>
        <source>cached token, reused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="312"/>
        <source>fresh token, cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="313"/>
        <source> — the cache keeps it for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="315"/>
        <source>fresh token; its cache entry has expired: the next Run requests a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="317"/>
        <source>cached token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="317"/>
        <source>fresh token, not cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="322"/>
        <source>unknown (no expires_in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="328"/>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::TokenRequestsPanel</name>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="32"/>
        <source>Token request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="32"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="42"/>
        <source>&amp;Use for Resource Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="46"/>
        <source>Send this token to the backend&apos;s resource: sets set_request_headers&apos; authorization to &quot;Bearer ${backend.beta_tokens.LABEL}&quot; (Ctrl+U; undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="52"/>
        <source>&amp;Use for resource check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="59"/>
        <source>Add token request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="100"/>
        <source>Select a token request above first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="118"/>
        <source>Select a backend to see how to reference its token requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="133"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="134"/>
        <source>Copy %1 to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="151"/>
        <source>Anywhere in the file, at request time (empty while no token is cached).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="153"/>
        <source>Inside this backend&apos;s own blocks (set_request_headers, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="157"/>
        <source>The default request&apos;s token, anywhere in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="159"/>
        <source>The default request&apos;s token, inside this backend, e.g. set_request_headers = { authorization = &quot;Bearer ${backend.beta_token}&quot; }.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="175"/>
        <source>The backend&apos;s modifiers send this token to the resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="181"/>
        <source>The resource check sends %1&apos;s token (Run it to call the resource).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="182"/>
        <source>%1&apos;s token is applied; give the backend a resource URL (tokenbench_resource_url) for Run to call it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="200"/>
        <source>Backend %1 has no beta_token_request yet. Add one to fetch a token from any JSON service; it is then referenced as backends.%1.beta_tokens.LABEL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenrequestspanel.cpp" line="205"/>
        <source>This backend is defined inline (no name), so only backend.beta_token(s) inside it reach its tokens.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::TracePane</name>
    <message>
        <location filename="../../ui/tracepane.cpp" line="82"/>
        <source>&lt;b&gt;Trace&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="83"/>
        <source>Re&amp;veal secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="85"/>
        <source>Show credentials and tokens in clear instead of fingerprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="109"/>
        <source>Each request Tokenbench sends appears here, exactly as it went over the wire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="128"/>
        <source>&amp;Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="129"/>
        <source>Res&amp;ponse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="130"/>
        <source>Ra&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="133"/>
        <source>Double-click (or Return) to open a token in the JWT inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="134"/>
        <location filename="../../ui/tracepane.cpp" line="264"/>
        <source>&amp;JWT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="223"/>
        <source>
— %1 ms total; request sent after %2 ms; first byte after %3 ms
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="228"/>
        <source>
… %1 more bytes not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="239"/>
        <source>Waiting for the response…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="241"/>
        <source>No response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="244"/>
        <source>

✖ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="261"/>
        <source>%1 — inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="264"/>
        <source>&amp;JWT (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::WelcomePage</name>
    <message>
        <location filename="../../ui/welcomepage.cpp" line="26"/>
        <source>A backend with an oauth2 block using the client credentials grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.cpp" line="27"/>
        <source>A backend with an oauth2 block using the password grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.cpp" line="28"/>
        <source>A backend with an oauth2 block using the JWT bearer grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.cpp" line="30"/>
        <source>Authorization code + PKCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.cpp" line="32"/>
        <source>Sign in through the system browser; the redirect comes back to 127.0.0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.cpp" line="33"/>
        <source>Device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.cpp" line="35"/>
        <source>Sign in on another device with a user code (RFC 8628)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcomepage.ui" line="11"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_welcomepage.h" line="117"/>
        <source>&lt;h2&gt;Design a token request&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="17"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_welcomepage.h" line="118"/>
        <source>Edit, press Run (Ctrl+Return), read exactly what was sent and what came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="24"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_welcomepage.h" line="119"/>
        <source>Client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="25"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_welcomepage.h" line="120"/>
        <source>Password grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="26"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_welcomepage.h" line="121"/>
        <source>JWT bearer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="27"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_welcomepage.h" line="122"/>
        <source>Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="28"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_welcomepage.h" line="123"/>
        <source>Open the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="33"/>
        <location filename="../../build-test/ui/tokenbench_ui_autogen/include/ui_welcomepage.h" line="124"/>
        <source>Recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

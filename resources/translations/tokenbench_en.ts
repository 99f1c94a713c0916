<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackendEditor</name>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>letters, digits and _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>&amp;Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>https://api.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>&amp;Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>/v1/**</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>Timeouts (resource requests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>&amp;Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>&amp;Connect timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>connect_timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>Time to first &amp;byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>ttfb_timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.ui" line="2"/>
        <source>As in Couper, these apply to requests sent to this backend. The oauth2 token request goes to its token_endpoint with Couper&apos;s defaults (300s, 10s, 60s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OAuth2Editor</name>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>oauth2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>&amp;Token endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>token_endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>https://as.example.com/oauth/token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>&amp;Grant type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>grant_type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>Sc&amp;ope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>space-separated, e.g. read write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>Client authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>&amp;Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>token_endpoint_auth_method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>Client &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>client_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>the client&apos;s identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>Client &amp;secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>client_secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>Resource owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>Assertion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>&amp;Assertion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>assertion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.ui" line="2"/>
        <source>retries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="60"/>
        <source>Tokenbench workspaces (*.tbw);;All files (*)</source>
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
        <source>expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="29"/>
        <source>issued at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="31"/>
        <source>not valid before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="33"/>
        <source>issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="34"/>
        <source>subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="35"/>
        <source>audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="36"/>
        <source>token id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="37"/>
        <source>granted scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="38"/>
        <source>client the token was issued to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="39"/>
        <source>authorized party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="40"/>
        <source>nonce from the authorization request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="69"/>
        <source>expired %1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="70"/>
        <source>expired %1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="73"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="69"/>
        <source>
… %1 more bytes not shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenPanel</name>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="14"/>
        <source>No token yet. Select a backend and press Run (Ctrl+Return).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="33"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="35"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="42"/>
        <source>Couper cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="44"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="46"/>
        <source>Refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="55"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="56"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="57"/>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="62"/>
        <source>&amp;Copy token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.ui" line="63"/>
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
        <location filename="../../ui/backendeditor.cpp" line="18"/>
        <source>The backend&apos;s label: letters, digits and _ (Couper&apos;s rule). Referenced as backends.NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="39"/>
        <source>&lt;b&gt;backend &quot;%1&quot;&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="43"/>
        <source>Tokens come from this backend&apos;s &lt;b&gt;oauth2&lt;/b&gt; block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="44"/>
        <source>This backend has no token source yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="45"/>
        <source>Edit oauth2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="45"/>
        <source>Add oauth2 block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/backendeditor.cpp" line="61"/>
        <source>Rename backend %1 to %2</source>
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
    <name>Tokenbench::Ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="158"/>
        <source>&amp;New Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="159"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="160"/>
        <source>Open &amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="161"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="163"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="165"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="168"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="172"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="177"/>
        <source>Add &amp;Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="179"/>
        <source>Add &amp;oauth2 Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="181"/>
        <source>Remove oauth2 Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="182"/>
        <source>D&amp;uplicate Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="184"/>
        <source>Re&amp;name Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="185"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="187"/>
        <location filename="../../ui/mainwindow.cpp" line="237"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="191"/>
        <source>&amp;Cancel Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="193"/>
        <source>C&amp;lear Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="195"/>
        <source>&amp;Filter Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="200"/>
        <source>&amp;About Tokenbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="206"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="212"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="215"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="224"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="242"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="245"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="261"/>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="285"/>
        <source>Rename backend %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="341"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="343"/>
        <source>Request a token for the selected backend (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="345"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="347"/>
        <source>Cancel the running request (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="376"/>
        <location filename="../../ui/mainwindow.cpp" line="391"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="392"/>
        <source>Problems (%1 errors, %2 warnings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="399"/>
        <source>Secrets: env.NAME references or session memory — never written to disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="437"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="439"/>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="442"/>
        <source>not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="477"/>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="517"/>
        <source>Select a backend or block on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="531"/>
        <source>The %1 block is kept exactly as it is; Tokenbench has no form for it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="556"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="557"/>
        <source>The workspace has unsaved changes. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="582"/>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="591"/>
        <source>Cannot open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="592"/>
        <source>%1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="617"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="617"/>
        <source>the demo workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="638"/>
        <source>Save Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="652"/>
        <source>Cannot save workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="653"/>
        <source>%1

%2

Your changes are still open here; try another folder with Save As.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="668"/>
        <source>%1.%2: saved as env.%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="669"/>
        <source>Secrets kept out of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="670"/>
        <source>Secrets typed in this session were not written to the file. It refers to environment variables instead; set them before the next session:

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="678"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="687"/>
        <location filename="../../ui/mainwindow.cpp" line="697"/>
        <source>Add backend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="709"/>
        <source>Add oauth2 block to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="720"/>
        <source>Remove oauth2 block from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="731"/>
        <source>Duplicate backend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="794"/>
        <source>Select the backend to run in the tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="799"/>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="820"/>
        <source>✔ %1 · %2 ms · token issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="822"/>
        <source>, expires in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="824"/>
        <source>Canceled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::OAuth2Editor</name>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="16"/>
        <source>Client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="17"/>
        <source>Password (resource owner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="18"/>
        <source>JWT bearer (RFC 7523)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="21"/>
        <source>client_secret_basic (Authorization header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="22"/>
        <source>client_secret_post (form body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/oauth2editor.cpp" line="33"/>
        <source>&lt;b&gt;backend &quot;%1&quot;&lt;/b&gt; › oauth2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::SecretLineEdit</name>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="14"/>
        <source>env.NAME, or type the secret for this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="18"/>
        <location filename="../../ui/secretlineedit.cpp" line="38"/>
        <source>Show the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="38"/>
        <source>Hide the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="51"/>
        <source>Read from the environment variable %1 (set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="52"/>
        <source>Read from the environment variable %1, which is not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretlineedit.cpp" line="55"/>
        <source>Kept in memory for this session only. When saving, the workspace file gets a reference (env.NAME) instead of the value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::TokenPanel</name>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="91"/>
        <source>Copies the token; the clipboard is cleared after 30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="126"/>
        <source>(not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="129"/>
        <source>reused for %1 (90 % of expires_in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="131"/>
        <source>not cached: without a numeric expires_in Couper uses the token for one request only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="145"/>
        <source>none requested, none reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="148"/>
        <source>  (the server did not report the granted scope)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="150"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="150"/>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="181"/>
        <source>unknown (no expires_in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tokenpanel.cpp" line="186"/>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::TracePane</name>
    <message>
        <location filename="../../ui/tracepane.cpp" line="80"/>
        <source>&lt;b&gt;Trace&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="81"/>
        <source>Re&amp;veal secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="83"/>
        <source>Show credentials and tokens in clear instead of fingerprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="107"/>
        <source>Each request Tokenbench sends appears here, exactly as it went over the wire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="126"/>
        <source>&amp;Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="127"/>
        <source>Res&amp;ponse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="128"/>
        <source>Ra&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="200"/>
        <source>
— %1 ms total; request sent after %2 ms; first byte after %3 ms
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="212"/>
        <source>Waiting for the response…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="214"/>
        <source>No response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tracepane.cpp" line="217"/>
        <source>

✖ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tokenbench::Ui::WelcomePage</name>
    <message>
        <location filename="../../ui/welcomepage.cpp" line="25"/>
        <source>A backend with an oauth2 block using the client credentials grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.cpp" line="26"/>
        <source>A backend with an oauth2 block using the password grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.cpp" line="27"/>
        <source>A backend with an oauth2 block using the JWT bearer grant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcomepage.ui" line="11"/>
        <source>&lt;h2&gt;Design a token request&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="17"/>
        <source>Edit, press Run (Ctrl+Return), read exactly what was sent and what came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="24"/>
        <source>Client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="25"/>
        <source>Password grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="26"/>
        <source>JWT bearer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="27"/>
        <source>Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="28"/>
        <source>Open the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/welcomepage.ui" line="33"/>
        <source>Recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="39"/>
        <source>Design, run and debug OAuth2 token requests and Couper token blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="42"/>
        <source>A workspace to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

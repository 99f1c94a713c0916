# Interactive OAuth2 flows (authorization code + PKCE, device authorization, refresh) and ID-token checks.
target_sources(tokenbench_core PRIVATE
    net/pkce.h net/pkce.cpp
    net/loopbackreceiver.h net/loopbackreceiver.cpp
    net/authcodeflow.h net/authcodeflow.cpp
    net/deviceflow.h net/deviceflow.cpp
    net/idtokencheck.h net/idtokencheck.cpp
    net/flowclient.h net/flowclient.cpp
)

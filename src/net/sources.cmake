# Interactive OAuth2 flows (authorization code + PKCE, device authorization, refresh) and ID-token checks.
target_sources(tokenbench_core PRIVATE
    net/pkce.h net/pkce.cpp
    net/loopbackreceiver.h net/loopbackreceiver.cpp
    net/authcodeflow.h net/authcodeflow.cpp
    net/deviceflow.h net/deviceflow.cpp
    net/idtokencheck.h net/idtokencheck.cpp
    net/flowclient.h net/flowclient.cpp
)
# Around the token request (issue 3): backend transport settings, discovery, token cache, resource check.
target_sources(tokenbench_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tlsconfig.h ${CMAKE_CURRENT_LIST_DIR}/tlsconfig.cpp
    ${CMAKE_CURRENT_LIST_DIR}/discovery.h ${CMAKE_CURRENT_LIST_DIR}/discovery.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jwkscache.h ${CMAKE_CURRENT_LIST_DIR}/jwkscache.cpp
    ${CMAKE_CURRENT_LIST_DIR}/issuerverifier.h ${CMAKE_CURRENT_LIST_DIR}/issuerverifier.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokencache.h ${CMAKE_CURRENT_LIST_DIR}/tokencache.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resourcecheck.h ${CMAKE_CURRENT_LIST_DIR}/resourcecheck.cpp
    ${CMAKE_CURRENT_LIST_DIR}/betaresource.h ${CMAKE_CURRENT_LIST_DIR}/betaresource.cpp
)

# Around the token request (issue 3): discovery, the token backend's TLS/proxy/modifiers, the resource
# check with Couper's 401 retries, the token cache, and their GUI.
tokenbench_add_test(tst_discovery SOURCES request/tst_discovery.cpp LABELS unit)
tokenbench_add_test(tst_tlsconfig SOURCES request/tst_tlsconfig.cpp LABELS unit)
tokenbench_add_test(tst_tokencache SOURCES request/tst_tokencache.cpp LABELS unit)
tokenbench_add_test(tst_resourcecheck SOURCES request/tst_resourcecheck.cpp LABELS integration)
tokenbench_add_test(tst_mtls SOURCES request/tst_mtls.cpp LABELS integration)
tokenbench_add_test(tst_discoveryoidc SOURCES request/tst_discoveryoidc.cpp LABELS integration)
if(TARGET tokenbench_ui)
    tokenbench_add_test(tst_requestgui SOURCES request/tst_requestgui.cpp GUI LABELS gui)
endif()

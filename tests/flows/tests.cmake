# Interactive OAuth2 flows: PKCE, the loopback listener, authorization code, refresh, device, ID tokens.
tokenbench_add_test(tst_pkce SOURCES flows/tst_pkce.cpp LABELS unit)
tokenbench_add_test(tst_flowmodel SOURCES flows/tst_flowmodel.cpp LABELS unit)
tokenbench_add_test(tst_loopbackreceiver SOURCES flows/tst_loopbackreceiver.cpp LABELS unit)
tokenbench_add_test(tst_authcodeflow SOURCES flows/tst_authcodeflow.cpp flows/browserplayer.h flows/browserplayer.cpp
    LABELS integration)
tokenbench_add_test(tst_deviceflow SOURCES flows/tst_deviceflow.cpp flows/browserplayer.h flows/browserplayer.cpp
    LABELS integration)
tokenbench_add_test(tst_flowcli SOURCES flows/tst_flowcli.cpp flows/browserplayer.h flows/browserplayer.cpp
    LABELS integration)
tokenbench_add_test(tst_flowgui SOURCES flows/tst_flowgui.cpp flows/browserplayer.h flows/browserplayer.cpp
    GUI LABELS gui)
tokenbench_add_test(tst_deviceflowfaults SOURCES flows/tst_deviceflowfaults.cpp LABELS integration)

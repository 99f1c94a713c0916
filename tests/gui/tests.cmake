# Real widgets, offscreen, driven with QTest by keyboard and mouse.
if(TARGET tokenbench_ui)
    tokenbench_add_test(tst_mainwindow SOURCES gui/tst_mainwindow.cpp GUI LABELS gui)
    tokenbench_add_test(tst_blockeditors SOURCES gui/tst_blockeditors.cpp GUI LABELS gui)
    tokenbench_add_test(tst_desktop SOURCES gui/tst_desktop.cpp GUI LABELS gui)
    tokenbench_add_test(tst_jwtpanel SOURCES gui/tst_jwtpanel.cpp GUI LABELS gui)
    tokenbench_add_test(tst_secretsgui SOURCES gui/tst_secretsgui.cpp GUI LABELS gui)
endif()
if(TARGET tokenbench_ui)
    # The no-keychain path: a session bus address that leads nowhere.
    tokenbench_add_test(tst_nokeychaingui SOURCES gui/tst_nokeychaingui.cpp GUI LABELS gui)
    set_property(TEST tst_nokeychaingui APPEND PROPERTY ENVIRONMENT
                 "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent-tokenbench-bus")
endif()
if(TARGET tokenbench_ui)
    tokenbench_add_test(tst_recovery SOURCES gui/tst_recovery.cpp GUI LABELS gui)
endif()

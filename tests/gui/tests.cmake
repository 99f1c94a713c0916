# Real widgets, offscreen, driven with QTest by keyboard and mouse.
if(TARGET tokenbench_ui)
    tokenbench_add_test(tst_mainwindow SOURCES gui/tst_mainwindow.cpp GUI LABELS gui)
    tokenbench_add_test(tst_blockeditors SOURCES gui/tst_blockeditors.cpp GUI LABELS gui)
    tokenbench_add_test(tst_desktop SOURCES gui/tst_desktop.cpp GUI LABELS gui)
    tokenbench_add_test(tst_jwtpanel SOURCES gui/tst_jwtpanel.cpp GUI LABELS gui)
endif()

# Couper files in the GUI: the beta_token_request form, live design against a real response, and
# saving back into the file in place (offscreen, driven with QTest).
if(TARGET tokenbench_ui)
    tokenbench_add_test(tst_hclgui SOURCES hclgui/tst_hclgui.cpp GUI LABELS gui TIMEOUT 120)
endif()

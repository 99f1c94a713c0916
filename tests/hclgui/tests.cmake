# Couper files in the GUI: the beta_token_request form, live design against a real response, and
# saving back into the file in place (offscreen, driven with QTest).
if(TARGET tokenbench_ui)
    tokenbench_add_test(tst_hclgui SOURCES hclgui/tst_hclgui.cpp GUI LABELS gui TIMEOUT 120)
endif()
# Couper files edited in the forms and saved back (issue #15 items 9-11): Tokenbench-only settings beside the
# file, expressions kept as source, every client-authentication method with its signing profile.
if(TARGET tokenbench_ui)
    tokenbench_add_test(tst_couperforms SOURCES hclgui/tst_couperforms.cpp GUI LABELS gui TIMEOUT 120)
endif()

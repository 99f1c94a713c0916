# A beta_token_request's token applied to the resource check (issue 4): the modifier expressions with the
# token bound, Couper's no-retry rule on 401, the CLI, and the Token Requests panel's action (GUI).
tokenbench_add_test(tst_betaresourceunit SOURCES betaresource/tst_betaresourceunit.cpp LABELS unit)
tokenbench_add_test(tst_betaresource SOURCES betaresource/tst_betaresource.cpp LABELS integration)
if(TARGET tokenbench_ui)
    tokenbench_add_test(tst_betaresourcegui SOURCES betaresource/tst_betaresourcegui.cpp GUI LABELS gui TIMEOUT 120)
endif()

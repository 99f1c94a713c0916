# beta_token_request sent through its token backend (`backend = "name"` or a nested backend block).
tokenbench_add_test(tst_betatokenbackend SOURCES betabackend/tst_betatokenbackend.cpp LABELS integration)

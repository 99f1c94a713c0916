# Against real peers: oidc-provider (tests/authserver) and small real socket servers.
tokenbench_add_test(tst_httpexchange SOURCES integration/tst_httpexchange.cpp LABELS integration)
tokenbench_add_test(tst_tokenclient SOURCES integration/tst_tokenclient.cpp LABELS integration)
tokenbench_add_test(tst_runner SOURCES integration/tst_runner.cpp LABELS integration)
tokenbench_add_test(tst_cli SOURCES integration/tst_cli.cpp LABELS integration)
tokenbench_add_test(tst_jwtcli SOURCES integration/tst_jwtcli.cpp LABELS integration)
tokenbench_add_test(tst_hclcli SOURCES integration/tst_hclcli.cpp LABELS integration)
tokenbench_add_test(tst_betatokenrequest SOURCES integration/tst_betatokenrequest.cpp LABELS integration)
tokenbench_add_test(tst_clicontract SOURCES integration/tst_clicontract.cpp LABELS integration)

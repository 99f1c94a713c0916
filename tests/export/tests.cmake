# Exporters, importers and trace export: each output read back by the tool that consumes it.
tokenbench_add_test(tst_curlimport SOURCES export/tst_curlimport.cpp LABELS unit)
tokenbench_add_test(tst_kymatokenrequest SOURCES export/tst_kymatokenrequest.cpp LABELS unit)
# One wire shape: every exporter writes the headers and form fields prepareTokenRequest() sends.
tokenbench_add_test(tst_wireshape SOURCES export/tst_wireshape.cpp LABELS unit)
tokenbench_add_test(tst_exportconsumers SOURCES export/tst_exportconsumers.cpp export/exporttesthelpers.h
                    LABELS integration TIMEOUT 300)
tokenbench_add_test(tst_exportcli SOURCES export/tst_exportcli.cpp LABELS integration)
# beta_token_request as curl / .http / oauth2c: scripts run against oidc-provider and socket servers.
tokenbench_add_test(tst_exportbeta SOURCES export/tst_exportbeta.cpp LABELS integration TIMEOUT 300)
tokenbench_add_test(tst_exportcanary SOURCES export/tst_exportcanary.cpp export/exporttesthelpers.h
                    LABELS integration TIMEOUT 300)
# A hostile echoing token endpoint and resource: no output of the CLI or the core holds a canary.
tokenbench_add_test(tst_echocanary SOURCES export/tst_echocanary.cpp export/echoserver.h LABELS integration)
if(TARGET Tokenbench::Ui)
    tokenbench_add_test(tst_exportdialog SOURCES export/tst_exportdialog.cpp GUI LABELS gui)
    tokenbench_add_test(tst_exportcanarygui SOURCES export/tst_exportcanarygui.cpp export/echoserver.h GUI LABELS gui integration)
endif()

# libFuzzer target of the importers (clang, -DTOKENBENCH_BUILD_FUZZERS=ON). Its smoke test and the model
# sources it needs come from tests/fuzz/tests.cmake; seeds in tests/fuzz/corpus/curlimport/.
if(TOKENBENCH_BUILD_FUZZERS AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    add_executable(fuzz_curlimport ${PROJECT_SOURCE_DIR}/tests/fuzz/fuzz_curlimport.cpp
        ${PROJECT_SOURCE_DIR}/src/export/curlimport.cpp ${PROJECT_SOURCE_DIR}/src/export/shellwords.cpp
        ${PROJECT_SOURCE_DIR}/src/export/kymatokenrequest.cpp)
    set_target_properties(fuzz_curlimport PROPERTIES AUTOMOC OFF)
    target_include_directories(fuzz_curlimport PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_compile_options(fuzz_curlimport PRIVATE -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer
                                                   -Wno-unknown-warning-option)
    target_link_options(fuzz_curlimport PRIVATE -fsanitize=fuzzer,address,undefined)
    # The model, HCL and redaction sources it needs: tokenbench_fuzz_core (tests/fuzz/tests.cmake).
    target_link_libraries(fuzz_curlimport PRIVATE tokenbench_fuzz_core Qt6::Core Tokenbench::Common)
endif()

# HCL engine tests (core only, no widgets).
option(TOKENBENCH_BUILD_FUZZERS "Build the libFuzzer targets (clang only)" OFF)
tokenbench_add_test(tst_hclparser SOURCES hcl/tst_hclparser.cpp)
tokenbench_add_test(tst_hclevaluator SOURCES hcl/tst_hclevaluator.cpp)
tokenbench_add_test(tst_hclformatter SOURCES hcl/tst_hclformatter.cpp)
tokenbench_add_test(tst_hclcouper SOURCES hcl/tst_hclcouper.cpp)
tokenbench_add_test(tst_hcl2json SOURCES hcl/tst_hcl2json.cpp LABELS differential)
tokenbench_add_test(tst_checkcli SOURCES hcl/tst_checkcli.cpp LABELS integration)

if(TOKENBENCH_BUILD_FUZZERS)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        # The engine's sources are compiled into the fuzzer itself so they carry coverage instrumentation.
        file(GLOB _hcl_fuzz_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/hcl/*.cpp)
        add_executable(fuzz_hcl ${CMAKE_CURRENT_LIST_DIR}/../fuzz/fuzz_hcl.cpp ${_hcl_fuzz_sources}
                                ${PROJECT_SOURCE_DIR}/src/util/diagnostic.cpp ${PROJECT_SOURCE_DIR}/src/model/block.cpp
                                ${PROJECT_SOURCE_DIR}/src/model/couperfile.cpp)
        target_include_directories(fuzz_hcl PRIVATE ${PROJECT_SOURCE_DIR}/src)
        target_compile_options(fuzz_hcl PRIVATE -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer
                                               -Wno-unknown-warning-option)
        target_link_options(fuzz_hcl PRIVATE -fsanitize=fuzzer,address,undefined)
        target_link_libraries(fuzz_hcl PRIVATE Qt6::Core Tokenbench::Common)
        # Its smoke test (seeds in tests/fuzz/corpus/hcl) is added with the others by tests/fuzz/tests.cmake.
    else()
        message(WARNING "TOKENBENCH_BUILD_FUZZERS needs clang; the HCL fuzz target is skipped")
    endif()
endif()

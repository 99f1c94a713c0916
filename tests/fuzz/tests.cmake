# libFuzzer targets (clang only, opt-in):
#
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DTOKENBENCH_BUILD_FUZZERS=ON -DTOKENBENCH_BUILD_GUI=OFF
#   cmake --build build-fuzz --target fuzzers && ctest --test-dir build-fuzz -L fuzz
#
#   fuzz_hcl            HCL lexer/parser, evaluator, Couper mapping, formatter  (tests/hcl/tests.cmake)
#   fuzz_jwt            JWT decoder, verifier, claims checks, JWK import        (tests/jwt/fuzz.cmake)
#   fuzz_tokenresponse  parseTokenResponse(), then the JWT finder and redactor  (here)
#   fuzz_workspace      WorkspaceFile::parse(), validation, save/reload         (here)
#   fuzz_redactor       Form::decode/encode, Redactor::redactBody, by-value masking (here)
#   fuzz_curlimport     curl-command / .http import, Kyma TokenRequest reader   (tests/export/tests.cmake)
#
# Each target gets a short smoke test (label `fuzz`) that starts from its seed corpus in
# tests/fuzz/corpus/<name>/; new corpus entries go to a scratch directory in the build tree, crash
# inputs to build-fuzz/tests/fuzz-artifacts/. scripts/fuzz.sh [SECONDS] is the longer run.
option(TOKENBENCH_BUILD_FUZZERS "Build the libFuzzer targets (clang only)" OFF)

if(TOKENBENCH_BUILD_FUZZERS AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(WARNING "TOKENBENCH_BUILD_FUZZERS needs clang (libFuzzer); the fuzz targets are skipped")
elseif(TOKENBENCH_BUILD_FUZZERS)
    # The core sources the targets below exercise, compiled once with coverage instrumentation and the
    # sanitizers (the regular core library stays uninstrumented).
    set(_src ${PROJECT_SOURCE_DIR}/src)
    file(GLOB _fuzz_core_hcl_sources CONFIGURE_DEPENDS ${_src}/hcl/*.cpp)
    # The validator reads and checks signing-profile keys (jwt/).
    file(GLOB _fuzz_core_jwt_sources CONFIGURE_DEPENDS ${_src}/jwt/*.cpp)
    add_library(tokenbench_fuzz_core STATIC
        ${_src}/net/tokenresponse.cpp ${_src}/net/formencoding.cpp
        ${_src}/net/exchange.cpp ${_src}/trace/jwtfinder.cpp ${_src}/trace/redactor.cpp
        ${_src}/model/workspacefile.cpp ${_src}/model/block.cpp ${_src}/model/schema.cpp
        ${_src}/model/tokenrequestshape.cpp
        ${_src}/util/diagnostic.cpp ${_src}/model/valueresolver.cpp ${_src}/model/validator.cpp
        ${_src}/util/duration.cpp ${_src}/util/securebytes.cpp ${_src}/util/secretvalues.cpp
        ${_src}/util/boundedread.cpp ${_src}/util/displaytext.cpp ${_src}/model/secretliterals.cpp
        # The validator checks the token backend's transport settings (net/tlsconfig) and evaluates
        # modifier expressions (hcl/); targets that compile the HCL engine themselves keep their own copy.
        ${_src}/net/tlsconfig.cpp ${_fuzz_core_hcl_sources}
        ${_src}/model/couperfile.cpp ${_src}/model/couperconfig.cpp
        # Loading a Couper file keeps expression sources and reads its sidecar of Tokenbench settings.
        ${_src}/model/couperfilesettings.cpp ${_src}/model/expressionfield.cpp ${_fuzz_core_jwt_sources})
    set_target_properties(tokenbench_fuzz_core PROPERTIES AUTOMOC OFF)
    target_include_directories(tokenbench_fuzz_core PUBLIC ${_src})
    target_compile_options(tokenbench_fuzz_core PUBLIC
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_compile_options(tokenbench_fuzz_core PRIVATE -fsanitize=fuzzer-no-link)
    target_link_libraries(tokenbench_fuzz_core PUBLIC Tokenbench::Common Qt6::Core Qt6::Network OpenSSL::Crypto)

    foreach(_name tokenresponse workspace redactor)
        add_executable(fuzz_${_name} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${_name}.cpp)
        set_target_properties(fuzz_${_name} PROPERTIES AUTOMOC OFF)
        target_compile_options(fuzz_${_name} PRIVATE -fsanitize=fuzzer)
        target_link_libraries(fuzz_${_name} PRIVATE tokenbench_fuzz_core)
        target_link_options(fuzz_${_name} PRIVATE -fsanitize=fuzzer,address,undefined)
    endforeach()

    # Smoke tests for every fuzz target, including those defined by tests/hcl and tests/jwt (included
    # after this file), hence deferred to the end of the directory. Seconds per target: ctest -j2 runs
    # two at a time, about a minute for all five.
    set(TOKENBENCH_FUZZ_SMOKE_SECONDS 20 CACHE STRING "Seconds each fuzz smoke test runs")
    function(_tokenbench_fuzz_smoke_tests)
        add_custom_target(fuzzers)
        set(_scratch ${CMAKE_CURRENT_BINARY_DIR}/fuzz-scratch)
        set(_artifacts ${CMAKE_CURRENT_BINARY_DIR}/fuzz-artifacts)
        file(MAKE_DIRECTORY ${_artifacts})
        foreach(_name hcl jwt tokenresponse workspace redactor curlimport)
            if(NOT TARGET fuzz_${_name})
                continue()
            endif()
            add_dependencies(fuzzers fuzz_${_name})
            if(_name STREQUAL "hcl" OR _name STREQUAL "jwt" OR _name STREQUAL "curlimport")
                # Their own lists compile their area's sources; the model/util sources those need (the
                # HCL engine's Couper checks use the schema and env references) come from here.
                target_link_libraries(fuzz_${_name} PRIVATE tokenbench_fuzz_core)
            endif()
            # libFuzzer writes new inputs into its first corpus directory: a fresh scratch one, so the
            # seeds in the source tree stay as they are.
            add_test(NAME fuzz_${_name}_smoke
                     COMMAND sh -c "f=$1 s=$2 c=$3 && shift 3 && rm -rf \"$s\" && mkdir -p \"$s\" && exec \"$f\" \"$@\" \"$s\" \"$c\"" sh
                             $<TARGET_FILE:fuzz_${_name}> ${_scratch}/${_name}
                             ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${_name}
                             -max_total_time=${TOKENBENCH_FUZZ_SMOKE_SECONDS} -timeout=10 -rss_limit_mb=2048
                             -max_len=8192 -print_final_stats=1 -artifact_prefix=${_artifacts}/${_name}-)
            set_tests_properties(fuzz_${_name}_smoke PROPERTIES
                LABELS fuzz
                TIMEOUT 180
                ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:halt_on_error=1;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
        endforeach()
    endfunction()
    cmake_language(DEFER CALL _tokenbench_fuzz_smoke_tests)
endif()

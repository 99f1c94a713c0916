# libFuzzer target for the JWT decoder, verifier and JWK importers; clang only, opt-in:
#   CXX=clang++ CC=clang cmake -S . -B build-fuzz -DTOKENBENCH_BUILD_FUZZERS=ON -DTOKENBENCH_BUILD_GUI=OFF
#   ninja -C build-fuzz fuzz_jwt && build-fuzz/tests/fuzz_jwt -max_total_time=60 CORPUS_DIR tests/data/jwt
# The JWT sources are compiled into the target itself so that they carry the fuzzer's coverage
# instrumentation and the sanitizers (the core library is left as it is).
option(TOKENBENCH_BUILD_FUZZERS "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)

if(TOKENBENCH_BUILD_FUZZERS AND CMAKE_CXX_COMPILER_ID MATCHES Clang)
    file(GLOB _tokenbench_jwt_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/jwt/*.cpp")
    add_executable(fuzz_jwt
        ${CMAKE_CURRENT_LIST_DIR}/../fuzz/fuzz_jwt.cpp
        ${_tokenbench_jwt_sources}
        ${PROJECT_SOURCE_DIR}/src/util/securebytes.cpp
        ${PROJECT_SOURCE_DIR}/src/util/duration.cpp)
    target_include_directories(fuzz_jwt PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(fuzz_jwt PRIVATE Tokenbench::Common Qt6::Core Qt6::Network OpenSSL::Crypto)
    target_compile_options(fuzz_jwt PRIVATE -fsanitize=fuzzer,address,undefined -Wno-unknown-warning-option)
    target_link_options(fuzz_jwt PRIVATE -fsanitize=fuzzer,address,undefined)
endif()

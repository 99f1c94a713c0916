# JWT core tests (src/jwt, src/util/securebytes, src/util/boundedread). Included from tests/CMakeLists.txt.
# Label `unit`: pure, fast, network-free; these also run under ASan + UBSan (scripts/test.sh).
tokenbench_add_test(tst_securebytes SOURCES jwt/tst_securebytes.cpp LIBS OpenSSL::Crypto LABELS unit)
tokenbench_add_test(tst_base64url SOURCES jwt/tst_base64url.cpp LABELS unit)
tokenbench_add_test(tst_gojson SOURCES jwt/tst_gojson.cpp LABELS unit)
tokenbench_add_test(tst_decodedtoken SOURCES jwt/tst_decodedtoken.cpp LABELS unit)
tokenbench_add_test(tst_jwtkey SOURCES jwt/tst_jwtkey.cpp LABELS unit)
tokenbench_add_test(tst_verifier SOURCES jwt/tst_verifier.cpp LABELS unit)
tokenbench_add_test(tst_claimscheck SOURCES jwt/tst_claimscheck.cpp LABELS unit)
tokenbench_add_test(tst_signer SOURCES jwt/tst_signer.cpp LABELS unit)
tokenbench_add_test(tst_boundedread SOURCES jwt/tst_boundedread.cpp LABELS unit)
# Loopback HTTP server inside the test.
tokenbench_add_test(tst_jwkscache SOURCES jwt/tst_jwkscache.cpp LABELS integration)
# Differential test against the `jose` npm package (tests/authserver/node_modules, `npm ci` by
# scripts/test.sh); skips when node or jose is missing.
tokenbench_add_test(tst_josedifferential SOURCES jwt/tst_josedifferential.cpp LABELS integration TIMEOUT 300)

include(${CMAKE_CURRENT_LIST_DIR}/fuzz.cmake)

# JWT core tests (src/jwt, src/util/securebytes). Included from tests/CMakeLists.txt.
tokenbench_add_test(tst_securebytes SOURCES jwt/tst_securebytes.cpp LIBS OpenSSL::Crypto)
tokenbench_add_test(tst_base64url SOURCES jwt/tst_base64url.cpp)
tokenbench_add_test(tst_gojson SOURCES jwt/tst_gojson.cpp)
tokenbench_add_test(tst_decodedtoken SOURCES jwt/tst_decodedtoken.cpp)
tokenbench_add_test(tst_jwtkey SOURCES jwt/tst_jwtkey.cpp)
tokenbench_add_test(tst_verifier SOURCES jwt/tst_verifier.cpp)
tokenbench_add_test(tst_claimscheck SOURCES jwt/tst_claimscheck.cpp)
tokenbench_add_test(tst_signer SOURCES jwt/tst_signer.cpp)
tokenbench_add_test(tst_jwkscache SOURCES jwt/tst_jwkscache.cpp)
# Differential test against the `jose` npm package (tests/authserver/node_modules, `npm ci` by
# scripts/test.sh); skips when node or jose is missing.
tokenbench_add_test(tst_josedifferential SOURCES jwt/tst_josedifferential.cpp LABELS integration TIMEOUT 300)

include(${CMAKE_CURRENT_LIST_DIR}/fuzz.cmake)

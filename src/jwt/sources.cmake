# JWT core: decode, keys, verify, claims checks, sign (QtCore + OpenSSL; the JWKS cache and issuer verification fetch over HTTP and live in net/).
# jwt/jwtpeek.* is listed in src/CMakeLists.txt.
target_sources(tokenbench_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../util/securebytes.h ${CMAKE_CURRENT_LIST_DIR}/../util/securebytes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/algorithm.h ${CMAKE_CURRENT_LIST_DIR}/algorithm.cpp
    ${CMAKE_CURRENT_LIST_DIR}/base64url.h ${CMAKE_CURRENT_LIST_DIR}/base64url.cpp
    ${CMAKE_CURRENT_LIST_DIR}/gojson.h ${CMAKE_CURRENT_LIST_DIR}/gojson.cpp
    ${CMAKE_CURRENT_LIST_DIR}/decodedtoken.h ${CMAKE_CURRENT_LIST_DIR}/decodedtoken.cpp
    ${CMAKE_CURRENT_LIST_DIR}/opensslsupport.h ${CMAKE_CURRENT_LIST_DIR}/opensslsupport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jwtkey.h ${CMAKE_CURRENT_LIST_DIR}/jwtkey.cpp
    ${CMAKE_CURRENT_LIST_DIR}/signature.h ${CMAKE_CURRENT_LIST_DIR}/signature.cpp
    ${CMAKE_CURRENT_LIST_DIR}/verifier.h ${CMAKE_CURRENT_LIST_DIR}/verifier.cpp
    ${CMAKE_CURRENT_LIST_DIR}/claimscheck.h ${CMAKE_CURRENT_LIST_DIR}/claimscheck.cpp
    ${CMAKE_CURRENT_LIST_DIR}/signer.h ${CMAKE_CURRENT_LIST_DIR}/signer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/clientassertion.h ${CMAKE_CURRENT_LIST_DIR}/clientassertion.cpp
)

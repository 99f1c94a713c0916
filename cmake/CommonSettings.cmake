# One INTERFACE target every Tokenbench target links: language level, warnings,
# Qt strictness macros, hardening and the optional sanitizers.
add_library(tokenbench_common INTERFACE)
add_library(Tokenbench::Common ALIAS tokenbench_common)

target_compile_features(tokenbench_common INTERFACE cxx_std_20)

target_compile_definitions(tokenbench_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_STRICT_ITERATORS
    TOKENBENCH_VERSION="${PROJECT_VERSION}"
)

target_compile_options(tokenbench_common INTERFACE
    -Wall -Wextra -Wpedantic
    $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local> -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Werror=switch -Werror=return-type -Werror=implicit-fallthrough
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>
)

# Release hardening.
target_compile_options(tokenbench_common INTERFACE
    $<$<CONFIG:Release,RelWithDebInfo>:-fstack-protector-strong -D_FORTIFY_SOURCE=2>)
target_link_options(tokenbench_common INTERFACE
    $<$<CONFIG:Release,RelWithDebInfo>:-Wl,-z,relro,-z,now>)

if(TOKENBENCH_ENABLE_SANITIZERS)
    target_compile_options(tokenbench_common INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(tokenbench_common INTERFACE -fsanitize=address,undefined)
    target_compile_definitions(tokenbench_common INTERFACE QT_FORCE_ASSERTS)
endif()

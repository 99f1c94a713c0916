# HCL2 engine: lossless lexer/parser, evaluator, formatter, the expression-design aids (completion paths, null diagnosis) and Couper's evaluation vocabulary (couperscope: variables per evaluation time, env.NAME references) (QtCore only).
target_sources(tokenbench_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/token.h
    ${CMAKE_CURRENT_LIST_DIR}/lexer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/syntax.h
    ${CMAKE_CURRENT_LIST_DIR}/syntax.cpp
    ${CMAKE_CURRENT_LIST_DIR}/parser.h
    ${CMAKE_CURRENT_LIST_DIR}/parser.cpp
    ${CMAKE_CURRENT_LIST_DIR}/document.h
    ${CMAKE_CURRENT_LIST_DIR}/document.cpp
    ${CMAKE_CURRENT_LIST_DIR}/value.h
    ${CMAKE_CURRENT_LIST_DIR}/value.cpp
    ${CMAKE_CURRENT_LIST_DIR}/evaluator.h
    ${CMAKE_CURRENT_LIST_DIR}/evaluator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/formatter.h
    ${CMAKE_CURRENT_LIST_DIR}/formatter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/expressiondesign.h ${CMAKE_CURRENT_LIST_DIR}/expressiondesign.cpp
    ${CMAKE_CURRENT_LIST_DIR}/couperscope.h ${CMAKE_CURRENT_LIST_DIR}/couperscope.cpp
)

# Warnings on for our own targets only; -Werror is left to CI (ANCHORALIGN_WERROR).
option(ANCHORALIGN_WERROR "Treat warnings as errors" OFF)
function(anchoralign_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    $<$<BOOL:${ANCHORALIGN_WERROR}>:-Werror>)
endfunction()

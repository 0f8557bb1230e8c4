# Fails when an executable carries a library it should not. Run as
#   cmake -DEXCHANGE=<cloudex-exchange> -DCONNECT=<cloudex-connect> -DDESKTOP=<cloudex>
#         -DMANAGE=<cloudex-manage> -P checklinks.cmake
# Shared libraries are read from `ldd`, our own static libraries from the symbols that
# `nm` finds defined in the binary (a static library leaves no trace in ldd).
cmake_minimum_required(VERSION 3.25)

find_program(LDD ldd REQUIRED)
find_program(NM nm REQUIRED)

set(failures "")

# check(<binary> <label> FORBID_SHARED <regex>... FORBID_SYMBOLS <regex>... REQUIRE_SYMBOLS <regex>...)
function(check binary label)
    cmake_parse_arguments(C "" "" "FORBID_SHARED;FORBID_SYMBOLS;REQUIRE_SYMBOLS" ${ARGN})
    if(NOT EXISTS "${binary}")
        message(FATAL_ERROR "checklinks: ${binary} does not exist")
    endif()
    execute_process(COMMAND ${LDD} "${binary}" OUTPUT_VARIABLE shared RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "checklinks: ldd ${binary} failed")
    endif()
    foreach(pattern IN LISTS C_FORBID_SHARED)
        if(shared MATCHES "${pattern}")
            string(APPEND failures "  ${label} loads ${CMAKE_MATCH_0}\n")
        endif()
    endforeach()
    execute_process(COMMAND ${NM} -C --defined-only "${binary}"
                    OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0 OR symbols STREQUAL "")
        message(FATAL_ERROR "checklinks: nm ${binary} found no symbols")
    endif()
    foreach(pattern IN LISTS C_FORBID_SYMBOLS)
        if(symbols MATCHES "${pattern}")
            string(APPEND failures "  ${label} links ${CMAKE_MATCH_0}\n")
        endif()
    endforeach()
    # The positive checks keep the negative ones honest: they prove nm sees our namespaces.
    foreach(pattern IN LISTS C_REQUIRE_SYMBOLS)
        if(NOT symbols MATCHES "${pattern}")
            string(APPEND failures "  ${label} lacks ${pattern}: is the check still looking?\n")
        endif()
    endforeach()
    set(failures "${failures}" PARENT_SCOPE)
endfunction()

check("${EXCHANGE}" cloudex-exchange
    FORBID_SHARED "libvirt[^ ]*" "libQt6Widgets[^ ]*" "libQt6Gui[^ ]*"
    FORBID_SYMBOLS "cloudex::connect::[A-Za-z]+" "cloudex::desk::[A-Za-z]+" "cloudex::ui::[A-Za-z]+"
                   "cloudex::manage::[A-Za-z]+"
    REQUIRE_SYMBOLS "cloudex::market::Engine" "cloudex::store::Journal" "cloudex::pki::CertificateAuthority")
check("${CONNECT}" cloudex-connect
    FORBID_SHARED "libQt6Widgets[^ ]*" "libQt6Gui[^ ]*"
    FORBID_SYMBOLS "cloudex::market::[A-Za-z]+" "cloudex::store::[A-Za-z]+"
                   "cloudex::exchange::[A-Za-z]+" "cloudex::ui::[A-Za-z]+" "cloudex::manage::[A-Za-z]+"
    REQUIRE_SYMBOLS "cloudex::connect::ConnectAgent")
check("${MANAGE}" cloudex-manage
    FORBID_SHARED "libvirt[^ ]*" "libQt6Widgets[^ ]*" "libQt6Gui[^ ]*"
    FORBID_SYMBOLS "cloudex::market::[A-Za-z]+" "cloudex::store::[A-Za-z]+" "cloudex::exchange::[A-Za-z]+"
                   "cloudex::connect::[A-Za-z]+" "cloudex::ui::[A-Za-z]+" "cloudex::pki::CertificateAuthority"
    REQUIRE_SYMBOLS "cloudex::desk::ContractWallet" "cloudex::desk::SiteClient")
check("${DESKTOP}" cloudex
    REQUIRE_SYMBOLS "cloudex::ui::MainWindow" "cloudex::exchange::EmbeddedExchange"
                    "cloudex::connect::ConnectAgent")

if(failures)
    message(FATAL_ERROR "checklinks: executables link what they should not:\n${failures}")
endif()
message(STATUS "checklinks: cloudex-exchange, cloudex-connect, cloudex-manage and cloudex link only their layers")

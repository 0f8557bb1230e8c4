# Fails when a source file includes a header of a layer it may not use. Run as
#   cmake -DSOURCE_DIR=<project> -P checklayers.cmake
# Headers of a library are included as "<library>/<file>.h"; a folder's allowed libraries
# are listed below and mirror the target_link_libraries() of its CMakeLists.txt, so an
# include that the linker would only catch by luck (a header-only call, an inline function)
# fails here.

cmake_minimum_required(VERSION 3.25)

set(layers core api catalogue store pki net market exchange desk connect manage)

set(allowed_backend/core core)
set(allowed_backend/api api core)
set(allowed_backend/catalogue catalogue core)
set(allowed_backend/store store core)
set(allowed_backend/pki pki core)
set(allowed_backend/net net core)
set(allowed_backend/market market catalogue store core)
set(allowed_backend/exchange exchange api market pki net catalogue store core)
set(allowed_backend/desk desk api net pki core)
set(allowed_backend/connect connect api pki net catalogue core)
set(allowed_backend/manage manage api catalogue core)
# The desk's item models and widgets: the client side and the seller's agent, never the
# exchange server, its engine, journal or CA.
set(allowed_models desk api connect manage net catalogue core)
set(allowed_ui desk api connect manage net catalogue core)
# Executables: the headless servers take only their own side.
set(allowed_app/exchange exchange api market pki net catalogue store core)
set(allowed_app/connect connect api pki net catalogue core)
set(allowed_app/cloudex exchange api desk connect manage net catalogue core)
# The buyer's headless CLI: the desk layer only (its wallet uses the PKI's key and checks).
set(allowed_app/manage desk manage api catalogue pki net core)

set(violations "")
set(checked 0)
foreach(folder backend/core backend/api backend/catalogue backend/store backend/pki backend/net
               backend/market backend/exchange backend/desk backend/connect backend/manage
               models ui app/exchange app/connect app/cloudex app/manage)
    file(GLOB files "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cpp")
    foreach(file IN LISTS files)
        math(EXPR checked "${checked} + 1")
        file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[a-z]+/")
        foreach(line IN LISTS includes)
            string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([a-z]+)/.*" "\\1" layer "${line}")
            if(NOT layer IN_LIST layers)
                continue()
            endif()
            if(NOT layer IN_LIST allowed_${folder})
                file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
                string(APPEND violations "  ${rel}: ${line} (${folder} may use: ${allowed_${folder}})\n")
            endif()
        endforeach()
    endforeach()
endforeach()

if(checked LESS 100)
    message(FATAL_ERROR "checklayers: only ${checked} files found under ${SOURCE_DIR}; wrong path?")
endif()
if(violations)
    message(FATAL_ERROR "checklayers: includes across the layering:\n${violations}")
endif()
message(STATUS "checklayers: ${checked} files, every include within its layer")

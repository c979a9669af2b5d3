# SPDX-FileCopyrightText: 2026 TenantBridge contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# The version the programs print and the packages carry (issue 8), from git when the source is a git checkout:
#
#   on the tag v0.1.0, nothing uncommitted    0.1.0
#   42 commits past v0.1.0                    0.1.0+git.42.gabc1234
#   no v* tag in the history                  0.1.0+git.gabc1234
#   uncommitted changes                       .dirty appended (on the tag itself: 0.1.0+git.0.gabc1234.dirty)
#   no .git (a source tarball) or no git      0.1.0, the project() version
#
# project(VERSION) stays the numeric base: CPack's numeric fields, the AppStream release and the man pages use it,
# and a v* tag that names another version only warns. Each form is a valid Debian version ('+' and '.' are allowed
# in it) and sorts after the base and before the next release. Without a tag the snapshots do not sort by age:
# tag a release to get ordered packages.
#
# Sets TB_VERSION_STRING, and TB_VERSION_FROM_GIT (ON when git gave the version).
#
# Staleness: this runs at configure time, and configure re-runs when HEAD moves. CMAKE_CONFIGURE_DEPENDS names
# .git/HEAD (a checkout of another branch or commit), the file of the branch HEAD points to and logs/HEAD (a commit,
# reset or checkout appends to it, also when the branch lives in packed-refs), packed-refs and refs/tags (a new
# tag). The working tree is not watched, so .dirty says what the tree was at the last configure; watching .git/index
# would re-run configure after a mere `git status`. A release is built from a clean checkout of its tag.

function(tb_version_from_git)
    set(TB_VERSION_STRING "${PROJECT_VERSION}" PARENT_SCOPE)
    set(TB_VERSION_FROM_GIT OFF PARENT_SCOPE)
    if(NOT EXISTS "${PROJECT_SOURCE_DIR}/.git")
        message(STATUS "Version: ${PROJECT_VERSION} (not a git checkout)")
        return()
    endif()
    find_package(Git QUIET)
    if(NOT Git_FOUND)
        message(WARNING "Version: git not found; the version is ${PROJECT_VERSION} without the commit")
        return()
    endif()

    macro(tb_git out)
        execute_process(COMMAND "${GIT_EXECUTABLE}" ${ARGN} WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
            RESULT_VARIABLE tb_git_result OUTPUT_VARIABLE ${out} ERROR_VARIABLE tb_git_error
            OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_STRIP_TRAILING_WHITESPACE)
    endmacro()

    # --long: "v0.1.0-0-gabc1234" on the tag itself too, so one pattern reads every tagged form.
    tb_git(describe describe --tags --match "v[0-9]*" --dirty --always --long)
    if(tb_git_result)
        message(WARNING "Version: git describe failed (${tb_git_error}); the version is ${PROJECT_VERSION}")
        return()
    endif()
    tb_git(hash rev-parse --short HEAD)
    if(tb_git_result)
        message(WARNING "Version: git rev-parse failed (${tb_git_error}); the version is ${PROJECT_VERSION}")
        return()
    endif()

    set(described "${describe}")
    set(dirty "")
    if(describe MATCHES "-dirty$")
        set(dirty ".dirty")
        string(REGEX REPLACE "-dirty$" "" describe "${describe}")
    endif()
    if(describe MATCHES "^v(.+)-([0-9]+)-g[0-9a-f]+$")
        set(tag_version "${CMAKE_MATCH_1}")
        set(distance "${CMAKE_MATCH_2}")
        set(tag_matches ON)
        if(NOT tag_version STREQUAL PROJECT_VERSION)
            set(tag_matches OFF)
            message(WARNING "Version: the nearest tag v${tag_version} does not match project(VERSION "
                            "${PROJECT_VERSION}); the version is based on ${PROJECT_VERSION}. Tag v${PROJECT_VERSION} "
                            "or change project(VERSION).")
        endif()
        # The plain version only for the tagged commit itself, when the tag names it.
        if(distance EQUAL 0 AND dirty STREQUAL "" AND tag_matches)
            set(version "${PROJECT_VERSION}")
        else()
            set(version "${PROJECT_VERSION}+git.${distance}.g${hash}${dirty}")
        endif()
    elseif(describe MATCHES "^[0-9a-f]+$")
        set(version "${PROJECT_VERSION}+git.g${hash}${dirty}")
    else()
        message(WARNING "Version: cannot read git describe's \"${describe}\"; the version is ${PROJECT_VERSION}")
        return()
    endif()

    # Re-run configure when HEAD moves or a tag appears (see above). Only files that exist: Ninja stops on a
    # missing input that no rule makes.
    tb_git(branch symbolic-ref -q HEAD)
    set(watched HEAD logs/HEAD packed-refs refs/tags)
    if(NOT tb_git_result)
        list(APPEND watched "${branch}")
    endif()
    foreach(path IN LISTS watched)
        tb_git(file rev-parse --git-path "${path}")
        if(NOT tb_git_result)
            get_filename_component(file "${file}" ABSOLUTE BASE_DIR "${PROJECT_SOURCE_DIR}")
            if(EXISTS "${file}")
                set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
            endif()
        endif()
    endforeach()

    message(STATUS "Version: ${version} (git describe: ${described})")
    set(TB_VERSION_STRING "${version}" PARENT_SCOPE)
    set(TB_VERSION_FROM_GIT ON PARENT_SCOPE)
endfunction()

tb_version_from_git()

# cloudex-bench checks its own correctness figures: run as
#   cmake -DBENCH=<cloudex-bench> -P checkbench.cmake
# Each case reports figures through the `selfcheck` suite and expects cloudex-bench's exit
# code: 0 when every correctness figure holds, 1 when one fails.

cmake_minimum_required(VERSION 3.25)

set(failures "")
function(expect code)
    execute_process(COMMAND "${BENCH}" selfcheck --json ${ARGN}
                    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT result STREQUAL "${code}")
        set(failures "${failures}  selfcheck ${ARGN}: exit ${result}, expected ${code} (${err})\n" PARENT_SCOPE)
    endif()
endfunction()

expect(0 orders_per_s=5 lost=0 doubled=0 digest_mismatches=0 refused=0 failures=0 gaps=0 missing=0)
expect(0 deterministic=true state_hash_equal=true restore_hash_equal=true dropped_frames=0)
expect(0 order_failures=0 rate_limited=3)
foreach(figure deterministic state_hash_equal restore_hash_equal)
    expect(1 ${figure}=false)
endforeach()
foreach(figure missing gaps failures order_failures dropped_frames lost doubled digest_mismatches refused)
    expect(1 ${figure}=1)
endforeach()
expect(1 "checks_failed=something the suite checks itself")

if(failures)
    message(FATAL_ERROR "checkbench: cloudex-bench does not check itself:\n${failures}")
endif()
message(STATUS "checkbench: every failing correctness figure makes cloudex-bench exit 1")

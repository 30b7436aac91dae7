"""Two calls of one function with other arguments are one thing written twice: never a wrong
option beside each other (review of Python notes, session 27: run_in_executor(executor, …)
beside the key run_in_executor(ProcessPoolExecutor(), …))."""

from __future__ import annotations

from questions.distractors import acceptable


def test_a_call_of_the_keys_function_is_no_option() -> None:
    key = "loop.run_in_executor(ProcessPoolExecutor(), fn, arg)"
    assert not acceptable("loop.run_in_executor(executor, func, *args)", key, [])
    assert acceptable("loop.call_soon(cb, *args)", key, [])
    assert not acceptable("asyncio.wait(aws)", "asyncio.gather(*aws)", ["asyncio.wait(fs, 5)"])
    assert acceptable("asyncio.wait(aws)", "asyncio.gather(*aws)", ["asyncio.shield(aw)"])

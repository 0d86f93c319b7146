"""The plan checker page: a textarea and results, driven by plan-checker.js beside this file."""
from ..page import here


def register(env):
    @env.macro
    def plan_checker() -> str:
        return here(env).render("plan-checker")

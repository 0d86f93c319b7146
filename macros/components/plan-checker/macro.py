"""The plan checker page: a textarea and results, driven by docs/assets/components/plan-checker/."""
from ..context import here


def register(env):
    @env.macro
    def plan_checker() -> str:
        return here(env).render("plan-checker")

"""The privacy page's "delete my data" button: removes every `ecp:*` localStorage key after
confirming, and announces the result (docs/assets/components/delete-data/)."""
from ..context import here
from ..strings import for_prefix


def register(env):
    @env.macro
    def delete_data() -> str:
        h = here(env)
        return h.render("delete-data", ui_json=for_prefix("privacy", h.lang))

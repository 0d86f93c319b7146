"""The privacy page's "delete my data" button: removes every `ecp:*` localStorage key after
confirming, removes the offline copy and the service worker, and announces the result (delete-data.js)."""
from ..page import here
from ..strings import for_prefix


def register(env):
    @env.macro
    def delete_data() -> str:
        h = here(env)
        offline = for_prefix("offline", h.lang)
        ui = {**for_prefix("privacy", h.lang),
              "offline_copy": offline["data_copy"], "offline_deleted": offline["data_deleted_copy"],
              "offline_confirm": offline["data_confirm"]}
        return h.render("delete-data", ui_json=ui)

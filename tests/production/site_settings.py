"""The example site's settings as the production suite deploys them.

Everything comes from ``example_site.settings`` (read from the environment, as a deployment
does); only the WebSub hub is pointed at the suite's stub, each response names the worker
process that answered, so the suite can show its requests spread over the workers, and a
request may ask to run as a site with no hub (``tests.production.middleware.no_hub``).
"""

import os

from example_site.settings import *  # noqa: F403
from example_site.settings import MIDDLEWARE, WAGTAIL_BAUCU

# The first retry after a failed ping 2 s later instead of 30, so the suite sees it.
WAGTAIL_BAUCU = {
    **WAGTAIL_BAUCU,
    "WEBSUB_HUB": os.environ["BAUCU_TEST_HUB"],
    "WEBSUB_RETRY_DELAY": 2,
}
MIDDLEWARE = [
    "tests.production.middleware.worker_pid",
    "tests.production.middleware.no_hub",
    *MIDDLEWARE,
]

"""Start the action server (``python -m actions --actions actions --port 5055``).

The same as ``python -m rasa_sdk`` with the same arguments, after the answers have been
warmed up (see :mod:`planbot.warmup`), so that the first question is as fast as the rest.
"""

import logging

from rasa_sdk.__main__ import main

from planbot.warmup import warm_up

if __name__ == "__main__":
    # rasa_sdk sets up its own logging in main(); until then, one plain handler.
    root = logging.getLogger()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s - %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    warm_up()
    root.removeHandler(handler)
    main()

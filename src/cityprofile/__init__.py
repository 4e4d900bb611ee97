"""cityprofile: sourced city profiles from folders of news articles."""

import warnings

__version__ = "0.1.0"

# quantulum3 is used without its classifier extra on purpose (our own glue in
# numbers.py disambiguates units), so its import-time advice is noise to users.
warnings.filterwarnings("ignore", message="Classifier dependencies not installed", category=UserWarning)

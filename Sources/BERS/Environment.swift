import BERSJSON

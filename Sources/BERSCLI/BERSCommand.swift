import BERS

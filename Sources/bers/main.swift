import BERSCLI

import BERSCLI

await BERSCommand.runAndExit(remoteStores: SiblingExecutable(named: "bers-net"))

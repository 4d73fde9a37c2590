import BERSCLI

let sibling = SiblingExecutable(named: "bers-net")
await BERSCommand.runAndExit(remoteStores: sibling, server: sibling)

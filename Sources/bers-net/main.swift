import BERSCLI

// `bers` with the network: the tenant commands on s3:// and http(s):// stores, and `bers serve`.
// `bers` hands such command lines to this executable, which is installed beside it.
await BERSCommand.runAndExit(remoteStores: NetworkStores(), server: HummingbirdServer())

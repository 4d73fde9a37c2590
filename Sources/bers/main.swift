import BERSCLI

await BERSCommand.runAndExit()

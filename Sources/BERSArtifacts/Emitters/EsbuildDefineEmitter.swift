import BERS
import BERSJSON

/// Writes the `esbuild-define` artifact: a JSON object mapping each constant to its value as JSON
/// text, which is what esbuild's `define` option takes.
///
///
/// ```json
/// {
///   "__ENVIRONMENT__": "\"production\"",
///   "__REQUEST_TIMEOUT__": "6000",
///   "__IS_STAGING__": "false"
/// }
/// ```
///
/// Pass it as `define: JSON.parse(fs.readFileSync("define.json", "utf8"))`.
struct EsbuildDefineEmitter {
    let settings: EsbuildDefineSettings

    func emit(_ input: BuildInput) throws(BuildError) -> String {
        var object = JSONObject()
        for define in settings.defines ?? EsbuildDefineSettings.defaultDefines {
            let value = try define.spec.evaluate(in: input)
            object[define.name] = .string(
                try JSLiteral.json(value, encoding: settings.largeIntegers, path: define.name)
            )
        }
        return JSONSerializer(style: .pretty).string(.object(object))
    }
}

import BERSJSON

/// The outcome of running a pattern.
enum PatternOutcome {
    case match
    case noMatch
    /// The regex engine gave up; the payload is the message to report.
    case stepLimit(String)
}

extension Evaluator {
    /// The string keywords of a node.
    ///
    /// Lengths count Unicode code points.
    mutating func evaluateString(_ span: Span, _ id: NodeID, _ string: String) -> Bool {
        var valid = true
        for index in span.range {
            let passed: Bool
            switch schema.keywords[index] {
            case .minLength(let minimum):
                passed = Evaluator.length(of: string, isAtLeast: minimum)
                if !passed {
                    fail(
                        id,
                        "minLength",
                        "\(Messages.render(.string(string))) is shorter than \(Messages.count(minimum, "character", "characters"))"
                    )
                }
            case .maxLength(let maximum):
                passed = Evaluator.length(of: string, isAtMost: maximum)
                if !passed {
                    fail(
                        id,
                        "maxLength",
                        "\(Messages.render(.string(string))) is longer than \(Messages.count(maximum, "character", "characters"))"
                    )
                }
            case .pattern(let patternIndex):
                switch matchPattern(Int(patternIndex), string) {
                case .match:
                    passed = true
                case .noMatch:
                    passed = false
                    let source = schema.patterns[Int(patternIndex)].source
                    fail(
                        id,
                        "pattern",
                        "\(Messages.render(.string(string))) does not match the pattern \(Messages.quoted(source))"
                    )
                case .stepLimit(let message):
                    passed = false
                    fail(id, "pattern", message)
                }
            case .format(let formatIndex):
                passed = schema.formats[Int(formatIndex)].check(string)
                if !passed {
                    let name = schema.formats[Int(formatIndex)].name
                    fail(id, "format", "\(Messages.render(.string(string))) is not a valid \(Messages.quoted(name))")
                }
            case .content(let rule):
                passed = rule.accepts(string)
                if !passed {
                    let what = rule.json ? "JSON document" : "base64 string"
                    fail(id, schema.keywordNames[index], "\(Messages.render(.string(string))) is not a valid \(what)")
                }
            default:
                passed = true
            }
            if !passed {
                guard Sink.collects else { return false }
                valid = false
            }
        }
        return valid
    }

    /// Runs pattern `index` against `string` (an unanchored search).
    mutating func matchPattern(_ index: Int, _ string: String) -> PatternOutcome {
        let plan = schema.patternPlans[index]
        if plan.literal >= 0 {
            return schema.hasLiteralPrefix(string, Int(plan.literal)) ? .match : .noMatch
        }
        do {
            return try schema.patterns[index].regex.matches(string) ? .match : .noMatch
        } catch {
            let source = schema.patterns[index].source
            return .stepLimit(
                "\(Messages.render(.string(string))) could not be matched against the pattern \(Messages.quoted(source)) within the regular-expression step limit"
            )
        }
    }

    @inline(__always)
    static func length(of string: String, isAtLeast minimum: Int) -> Bool {
        let bytes = string.utf8.count
        if bytes < minimum { return false }
        if bytes / 4 >= minimum { return true }
        return string.unicodeScalars.count >= minimum
    }

    @inline(__always)
    static func length(of string: String, isAtMost maximum: Int) -> Bool {
        let bytes = string.utf8.count
        if bytes <= maximum { return true }
        if bytes / 4 > maximum { return false }
        return string.unicodeScalars.count <= maximum
    }

    /// The number keywords of a node, compared exactly for integers.
    mutating func evaluateNumber(_ span: Span, _ id: NodeID, _ number: JSONValue) -> Bool {
        var valid = true
        for index in span.range {
            let passed: Bool
            switch schema.keywords[index] {
            case .minimum(let bound):
                passed = Evaluator.compare(number, bound) >= 0
                if !passed {
                    fail(
                        id,
                        schema.keywordNames[index],
                        "\(Messages.render(number)) is less than the minimum of \(Messages.render(bound.jsonValue))"
                    )
                }
            case .maximum(let bound):
                passed = Evaluator.compare(number, bound) <= 0
                if !passed {
                    fail(
                        id,
                        schema.keywordNames[index],
                        "\(Messages.render(number)) is greater than the maximum of \(Messages.render(bound.jsonValue))"
                    )
                }
            case .exclusiveMinimum(let bound):
                passed = Evaluator.compare(number, bound) > 0
                if !passed {
                    fail(
                        id,
                        schema.keywordNames[index],
                        "\(Messages.render(number)) is not greater than the exclusive minimum of \(Messages.render(bound.jsonValue))"
                    )
                }
            case .exclusiveMaximum(let bound):
                passed = Evaluator.compare(number, bound) < 0
                if !passed {
                    fail(
                        id,
                        schema.keywordNames[index],
                        "\(Messages.render(number)) is not less than the exclusive maximum of \(Messages.render(bound.jsonValue))"
                    )
                }
            case .multipleOf(let divisor):
                passed = MultipleOf.isMultiple(number, of: divisor)
                if !passed {
                    fail(
                        id,
                        "multipleOf",
                        "\(Messages.render(number)) is not a multiple of \(Messages.render(divisor.jsonValue))"
                    )
                }
            default:
                passed = true
            }
            if !passed {
                guard Sink.collects else { return false }
                valid = false
            }
        }
        return valid
    }

    @inline(__always)
    static func compare(_ number: JSONValue, _ bound: NumberBound) -> Int {
        switch number {
        case .integer(let integer): return NumberComparison.compare(integer, bound)
        case .double(let double): return NumberComparison.compare(double, bound)
        default: return 0
        }
    }
}

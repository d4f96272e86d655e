/// Fused closures for the commonest shapes (`field op literal`, `days_since(field) op duration`,
/// `missing(field)`): one closure reading the slot directly instead of a tree of three or four.
extension ExpressionCompiler {
    /// A slot read, possibly through `days_since` / `days_until`.
    enum SlotOperand {
        case number(Int)
        case date(Int)
        case bool(Int)
        case string(Int)
        case daysSince(Int)
        case daysUntil(Int)
    }

    func slotOperand(_ node: SyntaxNode) -> SlotOperand? {
        if self.inFilter { return nil }
        switch node.syntax {
        case .path(let path):
            guard let slot = self.schema.slot(of: path) else { return nil }
            switch self.schema.fields[slot].type {
            case .number: return .number(slot)
            case .date: return .date(slot)
            case .bool: return .bool(slot)
            case .string: return .string(slot)
            default: return nil
            }
        case .call(let name, let arguments) where (name == "days_since" || name == "days_until") && arguments.count == 1:
            guard case .path(let path) = arguments[0].syntax, let slot = self.schema.slot(of: path),
                self.schema.fields[slot].type == .date
            else { return nil }
            return name == "days_since" ? .daysSince(slot) : .daysUntil(slot)
        default:
            return nil
        }
    }

    @inline(__always)
    static func compare<T: Comparable>(_ a: T, _ b: T, _ op: Int) -> Bool {
        switch op {
        case 0: return a == b
        case 1: return a != b
        case 2: return a < b
        case 3: return a <= b
        case 4: return a > b
        default: return a >= b
        }
    }

    static func code(_ op: BinaryOperator) -> Int {
        switch op {
        case .equal: return 0
        case .notEqual: return 1
        case .less: return 2
        case .lessOrEqual: return 3
        case .greater: return 4
        default: return 5
        }
    }

    /// `slot op literal` fused into one closure, or nil when the shape does not apply.
    func fusedComparison(
        _ op: BinaryOperator, _ left: SyntaxNode, _ right: SyntaxNode
    ) -> (@Sendable (EvaluationContext) -> Bool?)? {
        guard let operand = self.slotOperand(left) else { return nil }
        let code = Self.code(op)
        let ordering = code >= 2
        switch (operand, right.syntax) {
        case (.number(let slot), .number(let k)):
            return { ctx in
                let value = ctx.numbers[slot]
                return value.isNaN ? nil : Self.compare(value, k, code)
            }
        case (.date(let slot), .date(let day)):
            let k = day.daysSinceEpoch
            return { ctx in
                let value = ctx.dates[slot]
                return value == EvaluationContext.missingDay ? nil : Self.compare(value, k, code)
            }
        case (.daysSince(let slot), .duration(let k)):
            return { ctx in
                let value = ctx.dates[slot]
                return value == EvaluationContext.missingDay ? nil : Self.compare(Double(ctx.today - value), k, code)
            }
        case (.daysUntil(let slot), .duration(let k)):
            return { ctx in
                let value = ctx.dates[slot]
                return value == EvaluationContext.missingDay ? nil : Self.compare(Double(value - ctx.today), k, code)
            }
        case (.bool(let slot), .bool(let k)) where !ordering:
            let flag: Int8 = k ? 1 : 0
            let equal = code == 0
            return { ctx in
                let value = ctx.flags[slot]
                return value < 0 ? nil : (value == flag) == equal
            }
        case (.string(let slot), .string(let k)) where !ordering:
            let equal = code == 0
            return { ctx in
                guard let value = ctx.strings[slot] else { return nil }
                return (value == k) == equal
            }
        default:
            return nil
        }
    }

    /// `missing(field)` / `present(field)` on a slot.
    func fusedPresence(_ name: String, _ argument: SyntaxNode) -> (@Sendable (EvaluationContext) -> Bool?)? {
        guard let operand = self.slotOperand(argument) else { return nil }
        let wantMissing = name == "missing"
        switch operand {
        case .number(let slot):
            return { ctx in ctx.numbers[slot].isNaN == wantMissing }
        case .date(let slot):
            return { ctx in (ctx.dates[slot] == EvaluationContext.missingDay) == wantMissing }
        case .bool(let slot):
            return { ctx in (ctx.flags[slot] < 0) == wantMissing }
        case .string(let slot):
            return { ctx in (ctx.strings[slot] == nil) == wantMissing }
        case .daysSince, .daysUntil:
            return nil
        }
    }
}

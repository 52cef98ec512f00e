/** footnote through the real `Engine.ask` path, multi-turn items in one conversation. */
export function footnoteResponder(engine) {
    let conversations = 0;
    return {
        name: 'footnote',
        async respond(item) {
            conversations += 1;
            const conversationId = `eval:${conversations}:${item.id}`;
            let outcome;
            for (const turn of item.turns)
                outcome = await engine.ask(turn, { conversationId });
            if (outcome === undefined || !outcome.ok) {
                return {
                    answerLine: outcome?.ok === false ? outcome.problem.message : '',
                    abstained: true,
                    quotes: [],
                    passages: [],
                    confidence: undefined,
                    abstainReason: outcome?.ok === false ? `refused: ${outcome.problem.kind}` : 'no turns',
                };
            }
            const { answer } = outcome;
            return {
                answerLine: answer.answer,
                abstained: answer.abstained,
                quotes: answer.quotes,
                passages: answer.passages.map((passage) => passage.text),
                confidence: answer.confidence,
                abstainReason: answer.abstainReason,
            };
        },
    };
}
//# sourceMappingURL=reply.js.map
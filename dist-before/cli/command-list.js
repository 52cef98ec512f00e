/** In the order `footnote help` lists them; each key is the command's name. */
const loaders = {
    ingest: async () => (await import('./commands/ingest.js')).ingestCliCommand,
    ask: async () => (await import('./commands/ask.js')).askCliCommand,
    eval: async () => (await import('./commands/eval.js')).evalCliCommand,
    'study-eval': async () => (await import('./commands/study-eval.js')).studyEvalCliCommand,
    bench: async () => (await import('./commands/bench.js')).benchCliCommand,
    start: async () => (await import('./commands/start.js')).startCliCommand,
    'deploy-commands': async () => (await import('./commands/deploy-commands.js')).deployCommandsCliCommand,
    summary: async () => (await import('./commands/summary.js')).summaryCliCommand,
    quiz: async () => (await import('./commands/quiz.js')).quizCliCommand,
    timeline: async () => (await import('./commands/timeline.js')).timelineCliCommand,
    who: async () => (await import('./commands/who.js')).whoCliCommand,
    studyguide: async () => (await import('./commands/studyguide.js')).studyguideCliCommand,
};
export const commandNames = Object.keys(loaders);
/** The command called `name`, its module loaded now; undefined for an unknown name. */
export async function loadCommand(name) {
    const load = Object.hasOwn(loaders, name) ? loaders[name] : undefined;
    return load?.();
}
/** Every command, for `footnote help` (the one place that pays for loading them all). */
export async function loadAllCommands() {
    return Promise.all(Object.values(loaders).map((load) => load()));
}
//# sourceMappingURL=command-list.js.map
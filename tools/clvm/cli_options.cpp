// SPDX-License-Identifier: Apache-2.0
// The `clvm` tool's options: every subcommand's registration with CLI11 (cli_options.hpp).
#include "cli_options.hpp"

#include <map>
#include <memory>
#include <string>

namespace clvm::tool {
namespace {

/// Registers `--input auto|text|hex|bin` (and -x/--hex as a shorthand for hex) on `cmd`.
void add_format_options(CLI::App* cmd, Format& format) {
  cmd->add_flag_callback(
         "-x,--hex", [&format] { format = Format::Hex; }, "inputs are serialized hex")
      ->trigger_on_parse();
  cmd->add_option("--input", format, "input format (default auto: text on the command line)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, Format>{{"auto", Format::Auto},
                                                                        {"text", Format::Text},
                                                                        {"hex", Format::Hex},
                                                                        {"bin", Format::Binary}},
                                          CLI::ignore_case))
      ->option_text("auto|text|hex|bin");
}

/// Registers --flags, --mempool and the named flag switches (--new-cost-model, ...) on `cmd`.
void add_flag_options(CLI::App* cmd, FlagOptions& opts) {
  cmd->add_option("--flags", opts.number, "dialect flags as a number (decimal or 0x hex)")
      ->group("Dialect flags");
  for (std::size_t i = 0; i < FlagOptions::kSwitches; ++i)
    cmd->add_flag(kNamedFlags[i].option, opts.switches[i], kNamedFlags[i].help)
        ->group("Dialect flags");
}

/// Registers `-q,--quiet` (no warnings) on `cmd`.
void add_quiet_option(CLI::App* cmd) {
  cmd->add_flag_callback(
         "-q,--quiet", [] { set_quiet(true); }, "no warnings on stderr")
      ->trigger_on_parse();
}

/// Registers `--max-chars N` (text of results, default kResultChars) on `cmd`.
void add_max_chars_option(CLI::App* cmd, std::size_t& max_chars) {
  cmd->add_option("--max-chars", max_chars,
                  "print at most N characters of a result's text, then `… (M more bytes)`")
      ->default_val(kResultChars)
      ->check(CLI::PositiveNumber);
}

/// Registers `--format classic|backrefs|2026` (case-insensitive) on the option `opt`.
void add_form_option(CLI::Option* opt) {
  opt->transform(CLI::CheckedTransformer(std::map<std::string, Form>{{"classic", Form::Classic},
                                                                     {"backrefs", Form::Backrefs},
                                                                     {"2026", Form::Serde2026}},
                                         CLI::ignore_case))
      ->option_text("classic|backrefs|2026");
}

}  // namespace

Action add_run(CLI::App& app) {
  auto o = std::make_shared<RunCmdOptions>();
  CLI::App* cmd = app.add_subcommand("run", "evaluate a program in an environment (brun)");
  cmd->footer(
      "Examples:\n"
      "  clvm run '(+ 2 5)' '(10 20)'              prints 30\n"
      "  clvm run -c -x ff10ff02ff0580 ff0aff1480   prints cost = 856, then 30\n"
      "  echo 'ff0180 80' | clvm run --batch        prints 80 20\n"
      "  clvm run --trace ops '(+ 2 5)' '(10 20)'   prints 30, then (+ 10 20) => 30  [cost 755]\n"
      "A PROGRAM or ENV argument naming an existing file is read from that file (as brun).\n"
      "Exit status: 0 success, 1 FAIL (evaluation error), 2 bad input.");
  cmd->add_option("program", o->program,
                  "the program (text, or hex with -x; a file name reads the file; - reads stdin)");
  cmd->add_option("env", o->env, "the environment (default nil)");
  cmd->add_option("-f,--file", o->program_file, "read the program from FILE (- = stdin)");
  cmd->add_option("--env-file", o->env_file, "read the environment from FILE");
  add_format_options(cmd, o->format);
  cmd->add_flag("--backrefs", o->backrefs, "serialized input may use back-references");
  cmd->add_option("-m,--max-cost", o->max_cost, "cost limit (0 = unlimited; default 11000000000)");
  add_flag_options(cmd, o->flags);
  cmd->add_flag("--strict", o->strict,
                "unknown operators are errors (= --no-unknown-ops, as brun)");
  cmd->add_flag("-c,--cost", o->show_cost, "print `cost = N` before the result");
  cmd->add_flag("--cost-offset", o->cost_offset,
                "add clvm_tools' offset (9) to `cost =`, to print the numbers its brun prints");
  cmd->add_option("--output", o->output, "result format")
      ->check(CLI::IsMember({"text", "hex"}))
      ->default_val("text");
  cmd->add_flag_callback(
      "-d,--dump", [o] { o->output = "hex"; }, "print the result as hex (--output hex)");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' operator keywords in text (as brun)");
  cmd->add_option("--keywords", o->keywords,
                  "keywords in the printed result: classic (default; 51 stays 51) or current")
      ->check(CLI::IsMember({"classic", "current"}))
      ->default_val("classic");
  cmd->add_flag("-n,--no-keywords", o->no_keywords,
                "print operators as numbers in results and traces (as brun -n)");
  cmd->add_option("-s,--symbol-table", o->symbol_table,
                  "refused: clvm_tools' Chialisp symbol tables are not supported");
  cmd->add_flag("--trace{steps}", o->trace,
                "after the result, every evaluation step as `expr [env] => value` (clvm_tools' "
                "format); --trace ops: each operator call with its cost")
      ->check(CLI::IsMember({"steps", "ops"}));
  cmd->add_flag("-v,--verbose", o->verbose,
                "the step trace exactly as clvm_tools' brun -v (with its (a 2 3) wrapper lines)");
  cmd->add_option("--trace-limit", o->style.max_lines, "trace lines kept (default 100000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--node-chars", o->style.node_chars,
                  "characters of each node in FAIL lines, traces and error context (default "
                  "1000), then `… (N more bytes)`")
      ->check(CLI::PositiveNumber);
  add_max_chars_option(cmd, o->max_chars);
  cmd->add_flag("--verbose-errors", o->verbose_errors,
                "after FAIL, the operator call that failed (or the last step)");
  add_quiet_option(cmd);
  cmd->add_flag("--time", o->time, "print load/run/print times to stderr");
  cmd->add_flag("--stats", o->stats, "print arena counts and peak memory to stderr");
  cmd->add_option("--messages", o->messages,
                  "failure texts: ours (default) or clvmr (clvmr 0.19's error display text)")
      ->check(CLI::IsMember({"ours", "clvmr"}))
      ->default_val("ours");
  cmd->add_flag("--batch", o->batch,
                "read `<program_hex> <env_hex> [max_cost] [flags]` lines from stdin; print "
                "`<result_hex> <cost>` or `FAIL: <message>` per line");
  cmd->add_option("--timeout", o->timeout,
                  "wall-clock limit in seconds (0 = none), checked every 1,000,000 cost; a run "
                  "past it prints `FAIL: timeout: ...` (not a consensus answer)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("-j,--jobs", o->jobs,
                  "--batch: worker threads (0 = one per core, the default; 1 = sequential)");
  cmd->add_option("--memory-budget", o->memory_budget,
                  "--batch: ceiling in bytes on all workers' arenas together (0 = none); a case "
                  "it stops prints `FAIL: memory ceiling reached ...`");
  cmd->add_flag("--huge-pages{on}", o->huge_pages,
                "--huge-pages[=on|off]: advise the arena's tables and the evaluator's deep stacks "
                "as transparent huge pages (default off; docs/performance.md, \"Huge pages\")")
      ->check(CLI::IsMember({"on", "off"}));
  cmd->add_option("--max-line-bytes", o->max_line_bytes,
                  "--batch: longest input line read (default 67108864 = 64 MiB); a longer one is "
                  "skipped with `FAIL: bad input: ...` and the batch goes on")
      ->check(CLI::PositiveNumber);
  return [o]() -> int { return run_command(*o); };
}

Action add_demo(CLI::App& app) {
  auto o = std::make_shared<DemoOptions>();
  CLI::App* cmd = app.add_subcommand(
      "demo", "run the bundled example: a standard transaction, its conditions, cost and arena");
  cmd->footer(
      "Example:\n  clvm demo    prints the conditions, then cost = 18094, then the arena summary\n"
      "The same run by hand: clvm run -c -x -f examples/standard_transaction/puzzle.hex \\\n"
      "                        --env-file examples/standard_transaction/solution.hex");
  cmd->add_flag("--full", o->full, "the whole arena dump instead of its summary");
  return [o]() -> int { return demo_command(*o); };
}

Action add_dump(CLI::App& app) {
  auto o = std::make_shared<DumpCmdOptions>();
  CLI::App* cmd = app.add_subcommand("dump", "show an arena as it is in memory (hex dump)");
  cmd->footer(
      "Examples:\n"
      "  clvm dump '(c (q . \"hi\") 1)'                 the arena after loading the program\n"
      "  clvm dump --run '(c (q . \"hi\") 1)' '(7 8)'   ... and after running it\n"
      "  clvm dump --json --sections summary,pairs -x ff01ff0203\n"
      "  clvm dump two.img                              an arena image (recognised by its magic)\n"
      "A NodePtr prints as pair:INDEX, bytes:INDEX (atom table), small:VALUE (inline) or nil.");
  cmd->add_option("program", o->program, "the program (text, or hex with -x; - reads stdin)");
  cmd->add_option("env", o->env, "an environment: run the program in it");
  cmd->add_option("-f,--file", o->program_file, "read the program from FILE");
  cmd->add_option("--env-file", o->env_file, "read the environment from FILE");
  add_format_options(cmd, o->format);
  cmd->add_flag("--backrefs", o->backrefs, "serialized input may use back-references");
  cmd->add_option("--image", o->image, "dump the arena of an image file (clvm save) instead");
  cmd->add_flag("--run", o->run, "run the program (in nil unless ENV is given), then dump");
  cmd->add_flag("--diff", o->diff,
                "with --run: show only what the run added (the counts it added, and the atoms, "
                "heap bytes and pairs made by the run)");
  cmd->add_option("-m,--max-cost", o->max_cost, "cost limit of --run (0 = unlimited)")
      ->default_val(kDefaultMaxCost);
  add_flag_options(cmd, o->flags);
  add_quiet_option(cmd);
  cmd->add_flag("--json", o->json, "JSON instead of text");
  cmd->add_flag("--summary", o->summary_only, "only the summary and the roots");
  cmd->add_option("--sections", o->sections,
                  "comma-separated: summary,roots,atoms,heap,pairs (default all)");
  cmd->add_option("--heap-range", o->heap_range, "heap bytes START:END to show");
  cmd->add_option("--atoms-range", o->atoms_range, "atom indices START:END to show");
  cmd->add_option("--pairs-range", o->pairs_range, "pair indices START:END to show");
  cmd->add_option("--color", o->color, "colour: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_val("auto");
  return [o]() -> int { return dump_command(*o); };
}

Action add_save(CLI::App& app) {
  auto o = std::make_shared<SaveOptions>();
  CLI::App* cmd = app.add_subcommand("save", "write programs (named roots) to an arena image");
  cmd->footer(
      "Example:\n"
      "  clvm save -o two.img --names puzzle,solution '(q . 1)' '(2 3)'\n"
      "  clvm load two.img    prints puzzle: (q . 1) and solution: (a 3)\n"
      "(2 is printed as the keyword a in operator position, as opd does.)");
  cmd->add_option("programs", o->programs, "the programs (text, or hex with -x)")->required();
  cmd->add_option("-o,--output", o->output, "the image file to write")->required();
  cmd->add_option("--names", o->names, "comma-separated root names (default root0, root1, ...)");
  add_format_options(cmd, o->format);
  cmd->add_flag("--backrefs", o->backrefs, "serialized input may use back-references");
  return [o]() -> int { return save_command(*o); };
}

Action add_load(CLI::App& app) {
  auto o = std::make_shared<LoadOptions>();
  CLI::App* cmd = app.add_subcommand("load", "validate an arena image and print its roots");
  cmd->footer("Example:\n  clvm load two.img    prints `NAME: program` per root");
  cmd->add_option("image", o->path, "the image file")->required();
  add_max_chars_option(cmd, o->max_chars);
  add_quiet_option(cmd);
  return [o]() -> int { return load_command(*o); };
}

Action add_asm(CLI::App& app) {
  auto o = std::make_shared<TextOptions>();
  CLI::App* cmd = app.add_subcommand("asm", "assemble text to serialized hex (opc)");
  cmd->footer("Example:\n  clvm asm '(+ (q . 1) (q . 2))'    prints ff10ffff0101ffff010280");
  cmd->add_option("text", o->input, "the program text (- reads stdin)");
  cmd->add_option("-f,--file", o->file, "read the text from FILE");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' keywords (1-36), as opc");
  cmd->add_flag("-H,--script-hash", o->hash, "print the tree hash instead of the hex");
  add_quiet_option(cmd);
  return [o]() -> int { return asm_command(*o); };
}

Action add_disasm(CLI::App& app) {
  auto o = std::make_shared<TextOptions>();
  CLI::App* cmd = app.add_subcommand("disasm", "disassemble serialized hex to text (opd)");
  cmd->footer("Example:\n  clvm disasm ff10ffff0101ffff010280    prints (+ (q . 1) (q . 2))");
  cmd->add_option("hex", o->input, "the serialized program in hex (- reads stdin)");
  cmd->add_option("-f,--file", o->file, "read hex or binary from FILE");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' keywords (1-36), as opd");
  cmd->add_flag("--backrefs", o->backrefs, "the input may use back-references");
  add_max_chars_option(cmd, o->max_chars);
  add_quiet_option(cmd);
  return [o]() -> int { return disasm_command(*o); };
}

Action add_serialize(CLI::App& app) {
  auto o = std::make_shared<SerdeOptions>();
  CLI::App* cmd = app.add_subcommand("serialize", "write a program in a serialized form");
  cmd->footer(
      "Examples:\n"
      "  clvm serialize '(\"foobar\" \"foobar\")'                 prints "
      "ff86666f6f626172ff86666f6f62617280\n"
      "  clvm serialize --backrefs -x ff86666f6f626172ff86666f6f62617280  prints "
      "ff86666f6f626172fe01");
  cmd->add_option("program", o->input, "the program (text, or hex with -x; - reads stdin)");
  cmd->add_option("-f,--file", o->file, "read the program from FILE");
  add_format_options(cmd, o->format);
  add_form_option(
      cmd->add_option("--format", o->form, "classic (default), backrefs (compressed) or 2026"));
  cmd->add_flag_callback(
      "--backrefs", [o] { o->form = Form::Backrefs; }, "same as --format backrefs");
  cmd->add_flag("--binary", o->binary, "write raw bytes instead of hex");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' keywords (1-36) in text input");
  return [o]() -> int { return serialize_command(*o); };
}

Action add_deserialize(CLI::App& app) {
  auto o = std::make_shared<SerdeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "deserialize", "read any serialized form (classic, back-references, 2026) back");
  cmd->footer(
      "Examples:\n"
      "  clvm deserialize ff86666f6f626172fe01                   prints (\"foobar\" \"foobar\")\n"
      "  clvm deserialize --output classic ff86666f6f626172fe01  prints "
      "ff86666f6f626172ff86666f6f62617280");
  cmd->add_option("hex", o->input, "the serialized program in hex (- reads stdin)");
  cmd->add_option("-f,--file", o->file, "read hex or binary from FILE");
  add_format_options(cmd, o->format);
  cmd->add_option("--output", o->output, "text (default), or a serialized form in hex")
      ->check(CLI::IsMember({"text", "classic", "backrefs", "2026"}));
  cmd->add_flag("--binary", o->binary, "with --output classic|backrefs|2026: raw bytes");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' keywords (1-36) in text output");
  add_max_chars_option(cmd, o->max_chars);
  add_quiet_option(cmd);
  return [o]() -> int { return deserialize_command(*o); };
}

Action add_hash(CLI::App& app) {
  auto o = std::make_shared<SerdeOptions>();
  CLI::App* cmd = app.add_subcommand("hash", "print the tree hash (sha256tree) of a program");
  cmd->footer(
      "Example:\n"
      "  clvm hash '()'    prints "
      "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a");
  cmd->add_option("program", o->input, "the program (text, or hex with -x; - reads stdin)");
  cmd->add_option("-f,--file", o->file, "read the program from FILE");
  add_format_options(cmd, o->format);
  cmd->add_flag("--backrefs", o->binary, "accepted for symmetry: back-references are always read");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' keywords (1-36) in text input");
  return [o]() -> int { return hash_command(*o); };
}

Action add_length(CLI::App& app) {
  auto o = std::make_shared<SerdeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "length",
      "print the length in bytes of the first serialized object (back-references allowed)");
  cmd->footer("Example:\n  clvm length ff0102ff0304    prints 3");
  cmd->add_option("hex", o->input, "serialized bytes in hex (- reads stdin)");
  cmd->add_option("-f,--file", o->file, "read hex or binary from FILE");
  add_format_options(cmd, o->format);
  return [o]() -> int { return length_command(*o); };
}

}  // namespace clvm::tool

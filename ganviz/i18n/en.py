"""English: the reference catalogue. Every key the pages use is here; other languages mirror it.

Keys are grouped by where they are used, one section per page or module, each
between a ``# --- name`` line and a ``# --- end name`` line. Text in ``{braces}``
is filled in by ``t(key, name=value)``; mathematical notation stays as it is.
"""

NAME = "English"

STRINGS = {
    # --- app (navigation.py, ganviz/ui/__init__.py, ganviz/ui/sessions.py)
    "nav.home": "Home",
    "nav.figure1": "Figure 1",
    "nav.two_d": "2D",
    "nav.mode_collapse": "Mode collapse",
    "nav.theory": "Theory",
    "nav.mnist": "MNIST",
    "app.present": "Presentation mode",
    "app.present_help": "For a projector: hides the controls, enlarges text, lines and numbers, and keeps the figure "
                        "and the key numbers on screen. A button at the top of the page turns it off.",
    "app.present_exit": "Leave presentation mode",
    "explain.title": "What am I looking at?",
    "sessions.full": "This server already has {cap} students, its limit (GANVIZ_MAX_SESSIONS). Ask your teacher for "
                     "another address, or reload the page in a minute.",
    "sessions.restarted": "The server restarted (or you were moved to another one), so this is a fresh session: the "
                          "run you had starts again from step 0.",
    # --- end app


    # --- controls (ganviz/ui/controls.py)
    "controls.header": "Controls",
    "controls.live_caption": "k, the learning rates, m and the speed apply at once; the controls below the line "
                             "start a new model.",
    "controls.k": "k: D steps per G step",
    "controls.k_help": "Algorithm 1 updates D k times, on fresh minibatches, before each update of G.",
    "controls.lr_d": "learning rate of D",
    "controls.lr_g": "learning rate of G",
    "controls.lr_help": "The size of each gradient step. Too small: nothing moves; too large: the run oscillates or "
                        "diverges (it is then rolled back and you are told).",
    "controls.batch": "minibatch size m",
    "controls.batch_help": "How many real samples and how many noise samples each step uses (the paper's m).",
    "controls.slow": "slow motion",
    "controls.slow_help": "One beat of Algorithm 1 per frame, about a second apart: each D step and the G step are "
                          "shown one at a time, with a line saying what happens.",
    "controls.speed": "iterations per frame",
    "controls.speed_help": "How many Algorithm-1 iterations run between two redraws: the speed of the movie.",
    "controls.new_model_caption": "These start a new model:",
    "controls.target": "target p_data",
    "controls.target_help": "The data distribution G must learn. Its density is known exactly.",
    "controls.loss": "loss type",
    "controls.loss_help": "minimax is the paper's game; non-saturating is the paper's practical recommendation.",
    "controls.optimizer": "optimizer",
    "controls.optimizer_help": "The paper used SGD with momentum; Adam adapts each weight's step size.",
    "controls.prior": "noise prior p_z",
    "controls.prior_help": "The distribution of the noise z that G turns into samples.",
    "controls.z_dim": "noise dimension",
    "controls.z_dim_help": "The dimension of z. With 1, G draws a curve; with 2 or more it can cover an area.",
    "controls.width": "network width (units per hidden layer)",
    "controls.width_help": "Both G and D use this many ReLU units per hidden layer.",
    "controls.depth": "hidden layers",
    "controls.depth_help": "How many hidden layers G and D each have.",
    "controls.g_offset": "G starts shifted by",
    "controls.g_offset_help": "Added to G's output when the model is built: p_g starts this far from where it "
                              "would, e.g. to the left of the data.",
    "controls.seed": "seed",
    "controls.seed_help": "The same seed and settings give the same run on the same machine.",
    "app.unexpected": "Something went wrong on this page. Try again, or reload the page; if it happens again, "
                      "tell your teacher (the details are in the server's log).",
    "controls.from_file": "From the loaded file, kept as saved: {fields}.",
    "controls.from_preset": "The preset also sets (no control here): {fields}.",
    "controls.from_page": "This page's run also sets (no control here): {fields}.",
    "target.gaussian": "One Gaussian (as in Figure 1)",
    "target.bimodal": "Two-Gaussian mixture",
    "target.gaussian2d": "One Gaussian",
    "target.ring8": "ring8: 8 Gaussians on a circle",
    "target.grid25": "grid25: 25 Gaussians on a grid",
    "target.spiral": "Spiral (Swiss roll)",
    "target.moons": "Two moons",
    "target.custom": "Your own points (draw or upload)",
    "loss.minimax": "minimax: G minimises log(1 − D(G(z))) (saturating)",
    "loss.nonsaturating": "non-saturating: G maximises log D(G(z))",
    "loss.lsgan": "least squares (LSGAN)",
    "loss.wgan-gp": "Wasserstein + gradient penalty",
    "loss.hinge": "hinge",
    "optimizer.sgd": "SGD + momentum (paper)",
    "optimizer.adam": "Adam",
    "prior.uniform": "uniform (paper)",
    "prior.normal": "normal",
    "mixture.shape": "shape of {label}",
    "mixture.gaussian": "Gaussian",
    "mixture.mixture": "two Gaussians",
    "mixture.mean": "mean",
    "mixture.mean_help": "Where {label} is centred.",
    "mixture.std": "std",
    "mixture.std_help": "How spread out {label} is.",
    "mixture.mean2": "mean 2",
    "mixture.mean2_help": "Centre of the second Gaussian.",
    "mixture.std2": "std 2",
    "mixture.std2_help": "Spread of the second Gaussian.",
    "mixture.weight": "weight of the first Gaussian",
    "mixture.weight_help": "The share of the mass in the first Gaussian; the second gets the rest.",
    # --- end controls


    # --- live (ganviz/ui/live.py)
    "live.play": "Play",
    "live.pause": "Pause",
    "live.play_help": "Run Algorithm 1 continuously, redrawing after each batch of iterations.",
    "live.step": "Step",
    "live.step_help": "One iteration of Algorithm 1: k updates of D, then one of G.",
    "live.d_step": "D step",
    "live.d_step_help": "One update of D alone (G held fixed): play the discriminator's turn.",
    "live.g_step": "G step",
    "live.g_step_help": "One update of G alone (D held fixed): play the generator's turn.",
    "live.reset": "Reset",
    "live.reset_help": "A fresh model with the same seed: the same run again.",
    "live.fit_d": "Train D to optimality",
    "live.fit_d_help": "Freeze G and train D alone until it is close to D* or stops getting closer (at most "
                       "10 s): D moves onto D* (panel (b)). Where p_data + p_g is ~0, D is free.",
    "live.snapshot": "Snapshot",
    "live.snapshot_help": "Freeze the current frame as a panel below, to compare (a)-(d).",
    "live.clear": "Clear snapshots",
    "live.clear_help": "Remove the frozen panels.",
    "live.snapshots": "Snapshots",
    "live.frozen_title": "({panel}) step {step}, JSD {jsd}",
    "live.new_model": "New model: the target or a control that defines the model changed, so training restarts.",
    "live.d_step_done": "D took one step alone (G held fixed): D(x) moved towards D*; p_g did not move.",
    "live.g_step_done": "G took one step alone (D held fixed): p_g moved towards where D says \"real\"; D did not "
                        "move.",
    "live.fit_d_running": "Training D alone, G frozen: watch D(x) move onto D*(x) = p_data/(p_data + p_g). "
                          "Mean |D - D*| under p_data + p_g: {residual}.",
    "live.fit_d_done": "After {steps} D steps (G frozen), D is close to D*: the mean |D - D*| under p_data + p_g "
                       "is {residual}. Where neither p_data nor p_g has mass, D is unconstrained: any value there leaves V(D, G) unchanged, so D* is not drawn there.",
    "live.fit_d_not_close": "After {steps} D steps (G frozen), D stopped getting closer to D*: the mean |D - D*| "
                            "under p_data + p_g is still {residual}. Press it again to go on.",
    "live.diverged_d_loss": "Training diverged between steps {start} and {bad_step}: D's loss became NaN or "
                            "infinite. Rolled back to step {step}. Likely cause: a learning rate too high for this "
                            "loss (lr_D = {lr_d}, lr_G = {lr_g}); lower it and press Play again.",
    "live.diverged_g_loss": "Training diverged between steps {start} and {bad_step}: G's loss became NaN or "
                            "infinite. Rolled back to step {step}. Likely cause: a learning rate too high for this "
                            "loss (lr_D = {lr_d}, lr_G = {lr_g}); lower it and press Play again.",
    "live.diverged_weights": "Training diverged between steps {start} and {bad_step}: the network weights became NaN "
                             "or infinite. Rolled back to step {step}. Likely cause: a learning rate too high for "
                             "this loss (lr_D = {lr_d}, lr_G = {lr_g}); lower it and press Play again.",
    "live.status_running": "running",
    "live.status_paused": "paused",
    "live.status_fit_d": "training D alone",
    "live.status_diverged": "diverged, rolled back",
    "live.status_step": "step **{step}**",
    "live.status_rate": " · {rate} iterations/s",
    "live.status_rate_each": " · {rate} iterations/s per run",
    "live.status_slow": "slow motion",
    "live.settings": "training with k = {k}, m = {m}, lr_D = {lr_d}, lr_G = {lr_g}; {per_frame} iterations per frame, "
                     "a frame every {seconds} s; on the {device}",
    "live.stream_settings": "training with k = {k}, m = {m}, lr_D = {lr_d}, lr_G = {lr_g}; up to {per_frame} iterations "
                            "a frame; on the {device}",
    "live.worker_failed": "Training stopped: an unexpected error ({error}). The run is paused; the server's log has "
                          "the details.",
    "live.lessons": "Lessons",
    "live.lessons_help": "The page's ready-made experiments (presets) and runs trained in advance, to start from.",
    "live.view": "View",
    "live.view_help": "What the figure shows: the optimal discriminator D*, the model diagram, the trails.",
    "live.device_measured": " (chosen because it trained this size faster: {rates})",
    "live.device_rate": "{device} {rate} iterations/s",
    "beat.d": "Beat: D step {i} of {k}. D sees {m} real samples and {m} of G's samples and climbs V(D, G); G is held "
              "fixed.",
    "beat.g": "Beat: G step. {m} fresh z go through G, then through D; G's gradient flows back through D, which is "
              "held fixed. The iteration is done.",
    "beat.next": "Next beat: D step 1 of {k}.",
    # --- end live


    # --- replay (ganviz/ui/replay.py, ganviz/views/replay.py)
    "replay.title": "Timeline, replay and export",
    "replay.empty": "Nothing recorded yet: press Play, and the frames you watch are kept here for replay.",
    "replay.timeline": "timeline",
    "replay.timeline_help": "Scrub back through the {n} frames recorded while the run played (evenly spaced over "
                            "the whole run).",
    "replay.at_step": "step {step}",
    "replay.prefix": "replay at ",
    "replay.animate": "Replay in the browser",
    "replay.animate_help": "The recorded frames as an animation the browser plays by itself, with its own Play "
                           "button and slider: smooth even on a slow server.",
    "replay.html": "Animation (HTML)",
    "replay.html_help": "One self-contained HTML file of the replay: opens offline in any browser, for slides.",
    "replay.csv": "Metrics (CSV)",
    "replay.csv_help": "Every recorded row of metrics (step, JSD, V, C(G), losses, ...) as CSV.",
    "replay.gif": "Animated GIF",
    "replay.gif_help": "The recorded frames as an animated GIF, for slides that take images.",
    "replay.mp4": "Video (MP4)",
    "replay.mp4_help": "The recorded frames as an MP4 video.",
    # --- end replay


    # --- runfile (ganviz/ui/runfile.py)
    "runfile.save": "Save this run",
    "runfile.save_help": "One file with the weights, optimizer state, config, seed, random state and metrics: load "
                         "it later (here, or with `python -m ganviz train --resume`) to go on exactly where it stopped.",
    "runfile.load": "Load a saved run (at most {limit} MB)",
    "runfile.load_help": "A .ganviz file saved from this page. A file that is not one, or does not fit this page, is "
                         "refused with the reason, and the current run stays.",
    "runfile.loaded": "Loaded {name}: the run goes on from step {step}, exactly as it was saved.",
    "runfile.refused": "{name} was not loaded: {reason} The current run stays.",
    "runfile.too_big": "{name} was not loaded: it is {size} bytes, and a saved run is at most {limit} bytes "
                       "({limit_mb} MB). The current run stays.",
    "runfile.wrong_page": "{name} was not loaded: it is a run on the target \"{dist}\", which this page does not "
                          "train (runs on your own points load with `python -m ganviz train --resume`). The current "
                          "run stays.",
    "runfile.not_on_sidebar": "{name} was not loaded: its settings ({fields}) are not among this page's controls; "
                              "go on with it with `python -m ganviz train --resume`. The current run stays.",
    # --- end runfile


    # --- diagram (ganviz/views/diagram.py: the model diagram of Algorithm 1)
    "diagram.toggle": "Model diagram",
    "diagram.toggle_help": "Algorithm 1 as a graph: samples flow forward along the straight arrows, gradients flow back "
                           "along the curved ones. Always shown in slow motion, where each beat lights up the parts it "
                           "uses.",
    "diagram.z": "noise z\n~ p_z",
    "diagram.G": "G",
    "diagram.fake": "fake x = G(z)\n~ p_g",
    "diagram.real": "real x\n~ p_data",
    "diagram.D": "D",
    "diagram.Dx": "D(x)",
    "diagram.d_loss": "D's loss",
    "diagram.g_loss": "G's loss",
    "diagram.grad_d": "D's gradient updates D",
    "diagram.grad_g": "G's gradient flows through D into G",
    "diagram.updated": "updated",
    "diagram.fixed": "held fixed",
    "diagram.caption_d": "D's turn: D sees a real batch and a fake batch; D's gradient updates D; G is held fixed.",
    "diagram.caption_g": "G's turn: a fresh fake batch goes through D; G's gradient flows back through D, which is held "
                         "fixed, and updates G.",
    "diagram.caption_idle": "Samples flow forward along the straight arrows, gradients back along the curved ones. In "
                            "slow motion each beat lights up what it uses: k D steps, then one G step.",
    # --- end diagram


    # --- tracking (trails of tracked samples, the noise-to-manifold morph)
    "tracking.trails": "Trails",
    "tracking.trails_help_2d": "For {n} of G's green points (each the same noise z every frame): a dark line through "
                               "where the point was over the last {frames} frames, ending at the point. It shows "
                               "which way, and how fast, training moves G's samples.",
    "tracking.trails_help_1d": "Behind the head of each arrow x = G(z) (the same z every frame): a green streak on the "
                               "x line over where it was in the last {frames} frames. It shows which way, and how "
                               "fast, training moves G's outputs.",
    "tracking.fig.trails": "trails of {n} tracked points",
    "tracking.morph": "Show how G maps z to x",
    "tracking.morph_help": "An animation, played in your browser, that carries the grid of noise z onto G's "
                           "manifold: each point moves in a straight line from z to G(z). It uses G as it is now; "
                           "turn it off and on again to see a later G.",
    "tracking.morph.caption": "G at step {step}. At t, each point of the grid is at (1 − t)·z + t·G(z): t = 0 is the "
                              "noise grid, t = 1 is G's manifold as the plot above draws it. Press ▶ to play, or "
                              "drag the slider.",
    "tracking.morph.high_dim": "z has {z_dim} coordinates: the grid varies the first two and keeps the others at 0, "
                               "and the plot draws z by its first two.",
    "tracking.morph.one_dim": "z is one number: its grid is a single line, drawn here along the horizontal axis.",
    "tracking.morph.title": "From noise to G's manifold: (1 − t)·z + t·G(z)",
    "tracking.morph.family": "grid lines along z{axis}",
    "tracking.morph.forward": "▶ z → G(z)",
    "tracking.morph.backward": "◀ G(z) → z",
    # --- end tracking


    # --- checkpoints (instant starts: shipped converged and collapsed runs)
    "checkpoints.label": "Start from a trained model",
    "checkpoints.help": "GANs already trained on this target ship with ganviz. Loading one replaces the current run "
                        "and sets the controls to its settings, paused: press Play to go on from there. Changing the "
                        "target, the loss or the network afterwards starts a fresh model.",
    "checkpoints.kind.converged": "Converged: G has learned the target",
    "checkpoints.kind.collapsed": "Collapsed: G is stuck on one mode",
    "checkpoints.load": "Load",
    "checkpoints.load_help": "Load the trained model chosen on the left, paused.",
    "checkpoints.kind_name.converged": "converged",
    "checkpoints.kind_name.collapsed": "collapsed",
    "checkpoints.loaded": "Trained model: a {kind} GAN on “{target}”, after {step} iterations of training. JSD {jsd}.",
    "checkpoints.loaded_modes": "Modes covered: {modes} of {n}; high-quality samples: {hq}%.",
    "checkpoints.loaded_mass": "G's mass on the two modes: {left}% and {right}%.",
    "checkpoints.loaded_then": "Paused: press Play to train on from here.",
    "checkpoints.started_from": "Started from a trained model: a {kind} GAN on “{target}”, trained {step} iterations; this run has gone on since.",
    "checkpoints.refused": "The trained model was not loaded: {reason}. The current run stays.",
    "checkpoints.unavailable": "No trained models to start from: {reason}.",
    # --- end checkpoints


    # --- drawing (drawing a 2D target by dragging or touch)
    "drawing.expander": "Your target: draw it, click or lasso points, or upload a CSV",
    "drawing.tab": "Draw with the mouse or a finger",
    "drawing.click_tab": "Click or lasso",
    "drawing.how": "**{points}.** Drag with the mouse, a pen or a finger: each stroke adds a point every {spacing} "
                   "along it, however fast you draw; a tap adds one point. Undo takes back the last stroke.",
    "drawing.hint": "Draw here",
    "drawing.label": "Drawing canvas: drag to draw your target",
    "drawing.undo_help": "Take back the last stroke, lasso or click (after a file or the smiley: their last point).",
    "drawing.refused": "That stroke was not added: {reason}. The previous points stay.",
    # refusals of strokes, said by ganviz.ui.custom.refusal (which looks up two_d.bad.<reason>)
    "two_d.bad.no_stroke": "no stroke was drawn",
    "two_d.bad.too_many_positions": "{count} were sent at once; at most {limit} are allowed",
    "two_d.bad.outside_window": "position {index} is outside the drawing window [{low}, {high}]",
    # --- end drawing


    # --- presets (ganviz/lessons/presets.py)
    "preset.figure1_abcd.title": "Figure 1: (a) to (d)",
    "preset.figure1_abcd.caption": "Watch p_g (green) slide onto p_data (black) and D (blue) flatten towards ½, "
                                   "then stay there, as in panel (d): on seeds 0-4 JSD is at most 0.01 from step "
                                   "3,000 on and D ends within 0.05 of ½ over the data. What it takes: the paper's "
                                   "minimax loss, Adam with D ten times faster than G and k = 3, minibatches of "
                                   "1,024 drawn stratified (every slice of p_data and of z in every batch, so D sees "
                                   "the tails at each step), D seeing x standardised, both rates decaying to 5 % "
                                   "over steps 1,500-3,500. Take a Snapshot early and press Train D to optimality "
                                   "for (b).",
    "preset.figure1_paper.title": "Figure 1 with the paper's SGD",
    "preset.figure1_paper.caption": "The paper's own setting: SGD at 0.05 with momentum 0.5, minibatches of 128, one D "
                                    "step per G step, the non-saturating loss. p_g slides onto p_data within 1,500 "
                                    "iterations, but it never settles: JSD keeps wandering between about 0.03 and "
                                    "0.11 and D never stays flat. Compare it with (a) to (d).",
    "preset.d_star.title": "D learns D* (G frozen)",
    "preset.d_star.caption": "After 200 iterations G is frozen and D trains alone: the blue dashed D(x) moves onto "
                             "the red D* = p_data/(p_data + p_g) (Proposition 1).",
    "preset.saturating.title": "Saturating loss stalls",
    "preset.saturating.caption": "G starts 2.5 to the left of the data with the minimax loss log(1 − D(G(z))): D "
                                 "rejects G's samples so surely that G's gradient vanishes and JSD stays at log 2.",
    "preset.nonsaturating.title": "Non-saturating loss escapes",
    "preset.nonsaturating.caption": "The same start with the non-saturating loss −log D(G(z)): G gets a strong "
                                    "gradient exactly where D rejects it, and p_g moves onto the data.",
    "preset.diverge.title": "Learning rate too high: divergence",
    "preset.diverge.caption": "Least squares with learning rate 1: within a few iterations the losses become NaN. "
                              "ganviz stops, rolls back to the last good state and says why.",
    "preset.ring8_learns.title": "ring8 is learned",
    "preset.ring8_learns.caption": "A small GAN with 2-d noise spreads its samples over all 8 modes in a few "
                                   "thousand iterations; watch the modes-covered chart climb.",
    "preset.ring8_collapses.title": "ring8 collapses",
    "preset.ring8_collapses.caption": "G learns 50× faster than D (lr_G 1e-3, lr_D 2e-5) and squeezes its samples "
                                      "into one clump: modes covered stays near 0 of 8. The Mode collapse page "
                                      "shows the remedy beside it.",
    "preset.curve.title": "1-d noise draws a curve",
    "preset.curve.caption": "With z of dimension 1, G can only draw a curve through the plane: it threads the modes "
                            "and leaves samples between them.",
    # --- end presets


    # --- metrics (the numbers above the live figures)
    "metric.step": "step",
    "metric.step_help": "Algorithm-1 iterations done (G updates).",
    "metric.jsd_help": "In nats; 0 when p_g = p_data, at most log 2 ≈ 0.693.",
    "metric.criterion_help": "Its minimum, −log 4 ≈ −1.386, means p_g = p_data.",
    "metric.d_real": "D on real data",
    "metric.d_real_help": "E over p_data of D(x): D's average verdict on real samples.",
    "metric.d_fake": "D on fakes",
    "metric.d_fake_help": "E over p_g of D(x): D's average verdict on generated samples.",
    # --- end metrics


    # --- figures (ganviz/views/figure1.py)
    "fig.p_data": "p_data (data)",
    "fig.p_g": "p_g (generator)",
    "fig.p_g_peak": "p_g peaks at {peak} ↑",
    "fig.p_g_off_left": "← {share} of p_g is off the plot, left of it",
    "fig.p_g_off_right": "{share} of p_g is off the plot, right of it →",
    "fig.density_axis": "density / D(x)",
    "fig.d_loss": "D loss",
    "fig.g_loss": "G loss",
    "fig.jsd_title": "JSD(p_data ‖ p_g), nats",
    "fig.value_title": "V(D, G) and C(G)",
    "fig.losses_title": "losses",
    "fig.step": "step",
    # --- end figures


    # --- home (pages/home.py)
    "home.title": "ganviz: watch a GAN learn",
    "home.intro": "Generative Adversarial Nets (Goodfellow et al., 2014) train two networks against each other. The "
                  "**generator** G turns noise z ~ p_z into samples x = G(z), whose distribution is p_g. The "
                  "**discriminator** D(x) estimates the probability that x came from the data rather than from G. "
                  "They play the two-player minimax game with value function",
    "home.algorithm": "**Algorithm 1** trains them in turns. For each iteration: update D **k** times, each time on a "
                      "fresh minibatch of m real samples and m generated ones, ascending V; then update G once on m "
                      "fresh noise samples, descending V (in practice G maximises log D(G(z)) instead: the "
                      "*non-saturating* loss).",
    "home.d_star": "For a fixed G, the best discriminator (Proposition 1) is",
    "home.criterion": "and plugging it in gives the generator's criterion (Theorem 1)",
    "home.minimum": "The Jensen-Shannon divergence is 0 only when p_g = p_data, so the game's global minimum, "
                    "C(G) = −log 4, is reached exactly when the generator reproduces the data, and there D* = 1/2 "
                    "everywhere.",
    "home.link_figure1": "Figure 1: a 1D GAN learning live, drawn as in the paper",
    "home.link_two_d": "2D: a GAN learns ring8, grid25, a spiral or your own drawing, with D's landscape and G's "
                       "manifold",
    "home.link_mode_collapse": "Mode collapse: a plain GAN and a remedy side by side, with the modes each one covers",
    "home.link_theory": "Theory: Proposition 1, Theorem 1 and the non-saturating loss, to poke with sliders",
    "home.link_mnist": "MNIST: a pretrained generator, the paper's Figures 2 and 3 and Table 1",
    "home.languages": "The switch at the top of the sidebar changes the language (English / 한국어); presentation "
                      "mode enlarges everything for a projector.",
    # --- end home


    # --- figure1 (pages/figure1.py)
    "figure1.title": "Figure 1, live",
    "figure1.caption": "The data density p_data (black, dotted), the generator's density p_g (green, solid) and the "
                       "discriminator D(x) (blue, dashed). Below, the lines of z and x: each arrow sends an evenly "
                       "spaced z to G(z), so you see G squeeze and stretch the uniform noise into p_g.",
    "figure1.d_star": "Overlay the optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x))",
    "figure1.d_star_help": "D* is the best possible D for the current G (Proposition 1), drawn red dash-dot where "
                           "either density has mass.",
    "figure1.critic": "With this loss D is a critic, not a probability: the blue curve is σ(critic(x)).",
    "figure1.explain": "This is Figure 1 of Goodfellow et al. (2014), computed live. D is trained to tell samples of "
                       "p_data from samples of p_g; G is trained to fool D. Near convergence: (a) D is partially "
                       "accurate; (b) trained alone, D converges to D*; (c) after an update of G, D's gradient has "
                       "guided G(z) to regions more likely to be classified as data; (d) after enough steps, p_g = "
                       "p_data and D(x) = 1/2 everywhere.",
    "figure1.explain_pg": "**How p_g is computed.** Not from random samples: G is evaluated at 8,192 equally likely "
                          "values of z (the quantiles of p_z), each carrying probability 1/8,192, and that mass is "
                          "spread evenly between neighbouring outputs. The result is G's exact density up to the "
                          "width of a grid cell, without sampling noise, so the JSD you see is the JSD of the "
                          "generator itself.",
    "figure1.explain_try": "Try: press Play and watch p_g move onto p_data; pause, press *Train D to optimality* to "
                           "see D settle on D*; take snapshots along the way to rebuild panels (a)-(d). Turn on slow "
                           "motion, or press *D step* and *G step*, to act out the two players.",
    # --- end figure1


    # --- two_d (pages/two_d.py, ganviz/ui/custom.py, ganviz/views/figure2d.py)
    "two_d.title": "2D: a GAN learns a distribution in the plane",
    "two_d.caption": "Black dots are real samples, green dots are G's samples. Behind them, D's verdict D(x): blue "
                     "where D says *real*, red where it says *fake*, white at ½. The grey lines are G's manifold: a "
                     "grid in z space pushed through G, so you see how G folds and stretches the noise.",
    "two_d.manifold": "G's manifold",
    "two_d.manifold_help": "Lines of a grid in z space, pushed through G: how G bends the noise into the plane.",
    "two_d.d_star": "contours of D*",
    "two_d.d_star_help": "Levels 0.1, 0.3, 0.5, 0.7, 0.9 of D* = p_data/(p_data + p_g), where either density has "
                         "mass. p_g here is estimated from 2,500 samples of G (see below).",
    "two_d.arrows": "G's gradient arrows",
    "two_d.arrows_help": "For 40 generated points: the direction one G step pushes each point (−∂ G's loss / ∂x), "
                         "lengths relative to the longest.",
    "two_d.jsd": "JSD (smoothed)",
    "two_d.jsd_help": "JSD between p_data and p_g, both blurred by the same Gaussian kernel, in nats (log 2 ≈ 0.693 "
                      "means no overlap). p_g is estimated from 2,500 samples of G.",
    "two_d.modes": "modes covered",
    "two_d.modes_help": "A mode is covered if at least one high-quality sample has it as its nearest mode (2,500 "
                        "samples; the VEEGAN/PacGAN protocol).",
    "two_d.hq": "high-quality samples",
    "two_d.hq_help": "The share of samples within 3 standard deviations of their nearest mode's centre.",
    "two_d.d_real_help": "Mean D(x) over real samples.",
    "two_d.d_fake_help": "Mean D(x) over generated samples.",
    "two_d.outside": "G's samples off the plot",
    "two_d.outside_help": "The share of p_g's (smoothed) mass outside the plotted window; it counts in the JSD.",
    "two_d.critic": "With this loss D is a critic, not a probability: the heatmap shows σ(critic(x)).",
    "two_d.explain": "The same game as Figure 1, in the plane. D is trained to give real samples a high score and "
                     "G's samples a low one; G is trained to move its samples where D scores high. The heatmap is D(x) "
                     "on a 48 × 48 grid; the green points are G applied to one fixed batch of noise, so you can follow "
                     "the same points from frame to frame.",
    "two_d.explain_collapse": "**Mode collapse.** On ring8 and grid25, count the modes G's samples reach: a generator "
                              "that puts all its samples on a few modes can still fool a D that only looks at one "
                              "sample at a time.",
    "two_d.explain_jsd": "**How p_g and the JSD are estimated.** In 2D, p_g is not computed from G exactly (as it is "
                         "in 1D) but from 2,500 of G's samples: each is binned on a 128 × 128 grid and blurred by a "
                         "Gaussian kernel whose width is 2% of the window. p_data is blurred the same way, from its "
                         "exact cell masses, so a perfect G scores about 0 (up to ~0.004 nats of sampling noise). "
                         "Blurring both can only bring them closer, so this JSD is a lower bound on the true one.",
    "two_d.explain_try": "Try: ring8 with noise dimension 1 (G can only draw a curve through the modes); k = 5 against "
                         "k = 1; the least-squares loss; your own drawing.",
    "two_d.fig.fake_tick": "0 fake",
    "two_d.fig.real_tick": "1 real",
    "two_d.fig.d_star": "D* contours",
    "two_d.fig.manifold": "G's manifold (z grid → G)",
    "two_d.fig.stretch": "G's cells: darker = squeezed (denser p_g)",
    "two_d.fig.generated": "generated G(z)",
    "two_d.fig.real": "real x ~ p_data",
    "two_d.fig.manifold_short": "G's grid",
    "two_d.fig.generated_short": "generated",
    "two_d.fig.real_short": "real",
    "two_d.fig.arrows": "G's gradient: where G moves them",
    "two_d.fig.jsd_title": "JSD, smoothed (nats)",
    "two_d.fig.d_loss": "D's loss",
    "two_d.fig.g_loss": "G's loss",
    "two_d.fig.modes_title": "modes covered / high-quality %",
    "two_d.fig.modes": "modes covered",
    "two_d.fig.hq": "high-quality %",
    "two_d.custom.how": "**{points}.** A click adds the grid point under the mouse; a lasso or box (choose it in the "
                        "chart's toolbar) adds every grid point inside it.",
    "two_d.custom.one_point": "{n} point",
    "two_d.custom.n_points": "{n} points",
    "two_d.custom.one_value": "{n} value",
    "two_d.custom.n_values": "{n} values",
    "two_d.custom.upload": "Upload points (CSV: x,y per row, an optional header)",
    "two_d.custom.upload_help": "Between {min} and {max} rows of two numbers, at most 1 MB.",
    "two_d.custom.undo": "Undo",
    "two_d.custom.clear": "Clear",
    "two_d.custom.clear_help": "Remove every point and start a new drawing.",
    "two_d.custom.smiley": "Smiley",
    "two_d.custom.smiley_help": "Start again from the example drawing.",
    "two_d.custom.kde": "The target is a Gaussian kernel density estimate of your points: one small Gaussian on each "
                        "point, as wide as the typical gap between neighbouring points (at least 0.05, at most Scott's "
                        "rule); now {h}. Changing the points starts a new model.",
    "two_d.custom.kde_short": "The target is a Gaussian kernel density estimate of your points.",
    "two_d.custom.too_few": "Add at least {min} points to train on your own target.",
    "two_d.custom.upload_refused": "{name} was not used: {reason}. The previous points stay.",
    "two_d.custom.select_refused": "Those points were not added: {reason}.",
    "two_d.custom.click_here": "click here",
    "two_d.custom.your_points": "your points",
    "two_d.bad.bandwidth": "the bandwidth must be a positive number (got {bandwidth})",
    "two_d.bad.not_pairs": "the points must be pairs of numbers (x, y)",
    "two_d.bad.shape": "the points must be an n x 2 table of (x, y) pairs (got shape {shape})",
    "two_d.bad.too_few": "{count} given; at least {limit} are needed",
    "two_d.bad.too_many": "{count} given; at most {limit} are allowed",
    "two_d.bad.not_finite_point": "point {index} is not a pair of finite numbers",
    "two_d.bad.far_point": "point {index} is further than {limit} from the origin",
    "two_d.bad.file_too_big": "the file is {size} bytes; at most {limit} are allowed",
    "two_d.bad.not_utf8": "the file is not UTF-8 text (byte {byte} cannot be read)",
    "two_d.bad.empty": "the file is empty",
    "two_d.bad.too_many_rows": "the file has {rows} rows of points; at most {limit} are allowed",
    "two_d.bad.file_too_few": "the file has {count}; at least {limit} are needed",
    "two_d.bad.row_values": "line {line} has {count}; each row must be two numbers, x and y",
    "two_d.bad.not_number": "line {line}: '{field}' is not a number",
    "two_d.bad.not_finite": "line {line}: '{field}' is not a finite number",
    "two_d.bad.far_value": "line {line}: {field} is further than {limit} from the origin",
    # --- end two_d


    # --- mode_collapse (pages/mode_collapse.py, ganviz/views/modes.py, ganviz/lessons/published.py)
    "mode_collapse.title": "Mode collapse: see it, measure it, fix it",
    "mode_collapse.caption": "Two GANs train in lockstep on the same target from the same seed. Left: a plain GAN, in "
                             "a setting where it collapses onto a few modes. Right: the same GAN with a remedy. Each "
                             "mode is one small Gaussian; a mode is *covered* when at least one of 2,500 generated "
                             "samples lands within 3 standard deviations of it.",
    "mode_collapse.presets_intro": "**Live**: both runs start from step 0 and play, trained on this machine.",
    "preset.d_out_of_sync.title": "D out of sync: G alone squeezes z",
    'preset.d_out_of_sync.caption': "After 1,000 iterations of the paper's setting, D is held fixed from step 1,200 to 1,800 and only G trains (the paper warns against it: G must not be trained too much without updating D). G pushes every z towards where the frozen D is highest: the z → x arrows converge and p_g becomes a spike, many z mapped to one x. From step 1,800 D trains again and p_g spreads back out.",
    'preset.figure1.title': "Figure 1: the page's default run",
    'preset.figure1.caption': "The run the page starts with, the setting of Figure 1: (a) to (d): the paper's minimax loss and uniform prior, Adam with D ten times faster than G, k = 3, stratified minibatches of 1,024, D seeing x standardised, both rates decaying over steps 1,500-3,500.",
    "mode_collapse.presets": "Presets and replays",
    'mode_collapse.replays_intro': "**Replays** of the measured 20,000-iteration races, recorded on this project's machine (tools/record_races.py): the whole story in about 20 seconds, no training.",
    "mode_collapse.replay_help": "Plays the recording of this race from step 0; Reset goes back to the live runs.",
    "mode_collapse.replaying": "replay of a recording",
    "mode_collapse.preset.ring8-race.title": "ring8: plain GAN vs PacGAN, live",
    "mode_collapse.preset.ring8-race.caption": "Both runs from step 0, seed 2, trained here: G learns 20× faster than D and the learning rates fall from step 1,500 to 4,000. About a minute on an idle machine; the line under the plots says what each run shows at the moment.",
    "mode_collapse.now": "**Now, at step {step}:**",
    "mode_collapse.now.start": "{run}: not trained yet.",
    "mode_collapse.now.all": "{run} covers all {n} modes, with {hq}% of its samples on a mode.",
    "mode_collapse.now.all_loose": "{run} reaches all {n} modes, but only {hq}% of its samples sit on one; the rest lie between them.",
    "mode_collapse.now.few": "{run} covers {modes} of {n} modes: its samples are bunched in one place.",
    "mode_collapse.now.few_spread": "{run} covers {modes} of {n} modes: its samples are spread out, mostly between the modes ({hq}% on one).",
    "mode_collapse.now.some": "{run} covers {modes} of {n} modes so far.",
    "mode_collapse.preset_help": "Loads this setting (target, seed and remedy), puts both runs back to step 0 and "
                                 "plays.",
    "mode_collapse.preset.ring8-collapse.title": "ring8: the plain GAN collapses",
    "mode_collapse.preset.ring8-collapse.caption": "Left: G learns 50× faster than D and squeezes all its samples into "
                                                   "one small clump, which D is too slow to pin down. It never spreads "
                                                   "over the ring: the strip under the plots shows where it lands.",
    "mode_collapse.preset.ring8-remedy.title": "ring8: the measured race, plain GAN vs PacGAN (replay)",
    "mode_collapse.preset.ring8-remedy.caption": "Right: PacGAN, D judging pairs of samples. The same G, same seed, "
                                                 "spreads over all 8 modes; from step 10,000 the learning rates decay "
                                                 "and its samples tighten onto the modes.",
    "mode_collapse.preset.grid25-collapse.title": "grid25: the plain GAN misses modes",
    "mode_collapse.preset.grid25-collapse.caption": "Left: the same GAN on a 5×5 grid of modes (D a little faster "
                                                    "here, lr_D 5e-5). G's samples reach only part of the grid, and "
                                                    "many sit between the modes.",
    "mode_collapse.preset.grid25-remedy.title": "grid25: the measured race, plain GAN vs minibatch std (replay)",
    "mode_collapse.preset.grid25-remedy.caption": "Right: minibatch std (D sees the batch's spread) reaches more modes "
                                                  "than the plain GAN on every seed we measured, but not all 25, and "
                                                  "many samples stay between the modes (low HQ).",
    "mode_collapse.measured_line": "Measured over {runs} seeds at step {steps}: {modes} of {n_modes} modes on "
                                   "average, HQ {hq}%; all {n_modes} with HQ ≥ 80% in {good} of {runs}.",
    "mode_collapse.experiment": "The experiment",
    "mode_collapse.target": "target",
    "mode_collapse.target_help": "The two standard mode-collapse benchmarks (Metz et al. 2017; Srivastava et al. "
                                 "2017).",
    "mode_collapse.remedy": "remedy (right)",
    "mode_collapse.remedy_help": "Each is a real implementation in ganviz/remedies/methods.py; its docstring cites the paper.",
    "mode_collapse.seed_help": "Same seed, same run. The preset collapses for most seeds.",
    "mode_collapse.speed_help": "Algorithm-1 iterations each run takes between two redraws: the speed of the movie.",
    "mode_collapse.preset_settings": "Preset for {dist}: {loss}, k = {k}, {optimizer} lr_D = {lr_d}, lr_G = {lr_g}, "
                                     "batch {batch}, z of dimension {z_dim}, {depth} hidden layers of {width}{decay}. "
                                     "Measured at step {steps}.",
    "mode_collapse.decay": "; both learning rates fall linearly to {floor}× between steps {start} and {end}, so G's "
                           "samples settle onto the modes it has found",
    "mode_collapse.play_help": "Train both runs side by side, redrawing after each batch of iterations.",
    "mode_collapse.reset_help": "Both runs back to step 0, same seed.",
    "mode_collapse.step_help": "One Algorithm-1 iteration for each run.",
    "mode_collapse.method.gan.label": "plain GAN",
    "mode_collapse.method.gan.description": "Algorithm 1 as it is: G descends its loss against the current D.",
    "mode_collapse.method.unrolled.label": "unrolled GAN",
    "mode_collapse.method.unrolled.description": "G's loss is taken against D after K more gradient steps on D, and "
                                                 "G's gradient flows through those steps: G sees how D would answer a "
                                                 "collapse.",
    "mode_collapse.method.pacgan.label": "PacGAN",
    "mode_collapse.method.pacgan.description": "D judges packs of m samples at once, all real or all fake: a pack of "
                                               "look-alike samples gives a collapsed G away.",
    "mode_collapse.method.mbstd.label": "minibatch std",
    "mode_collapse.method.mbstd.description": "D gets one extra feature: the spread of its features over the whole "
                                              "minibatch, which is small when G has collapsed.",
    "mode_collapse.method.wgan-gp.label": "WGAN-GP",
    "mode_collapse.method.wgan-gp.description": "D is a critic estimating the Wasserstein distance, kept 1-Lipschitz "
                                                "by a gradient penalty, trained 5 steps per G step.",
    "mode_collapse.modes_covered": "modes covered",
    "mode_collapse.modes_covered_help": "Modes that are the nearest mode of at least one high-quality sample, out of "
                                        "2,500 samples of G.",
    "mode_collapse.hq": "high-quality",
    "mode_collapse.hq_help": "The share of 2,500 samples of G that lie within 3 standard deviations of their nearest "
                             "mode.",
    "mode_collapse.timeline": "**Where G's samples land, step by step** (one row per mode; bright = many samples)",
    "mode_collapse.fig.all_modes": "all {n} modes",
    "mode_collapse.fig.mode": "mode {i}",
    "mode_collapse.fig.off_mode": "off-mode",
    "mode_collapse.fig.share": "share",
    "mode_collapse.fig.hover": "step {step}<br>{mode}: {share} of samples",
    "mode_collapse.tables": "The published numbers, and ours",
    "mode_collapse.tables_caption": "Modes covered (mean over runs) and the share of high-quality samples, on 2,500 "
                                    "samples per run. Published rows are quoted from the papers named; the "
                                    "architectures differ from ours, so compare the pattern, not the digits.",
    "mode_collapse.published": "**Published** (as quoted in `ganviz/lessons/published.py`, which says what could and could "
                               "not be checked)",
    "mode_collapse.measured": "**Measured here** (`python -m ganviz compare --preset <target>`: the presets above, one "
                              "run per seed, measured at the preset's last step; the run counts show how many seeds; "
                              "`results/compare_<target>.json` records the commands and the machine)",
    "mode_collapse.col.method": "method",
    "mode_collapse.col.source": "source",
    "mode_collapse.col.modes": "{target} modes",
    "mode_collapse.col.hq": "{target} HQ %",
    "mode_collapse.col.runs_with": "{target} {what} runs",
    "mode_collapse.col.all_good": "{target} all modes & HQ ≥ 0.8",
    "mode_collapse.col.verified": "verified here",
    "mode_collapse.col.unverified": "no (see ganviz/lessons/published.py)",
    # --- stability map (ganviz/ui/stability.py, ganviz/views/stability.py; the sweep in ganviz/files/sweeps/)
    "stability.title": "Stability map: which learning rates collapse?",
    "stability.intro": "Each cell is the plain GAN of the ring8 preset (left above) trained for {steps} iterations "
                       "with one pair of learning rates, averaged over seeds {seeds}: the modes it covers, its final "
                       "JSD, or the share of seeds that diverged (a red cross marks a cell where one did). **Click a "
                       "cell**, or pick it below, to race that setting: both runs restart on ring8 with these rates "
                       "and seed {seed}.",
    "stability.show": "show",
    "stability.show_help": "Modes covered of 8 (more is better), the final JSD in nats between p_data and p_g "
                           "(lower is better, log 2 = 0.69 is no overlap), or the share of seeds whose training "
                           "diverged (a NaN or inf, rolled back).",
    "stability.measure.modes": "modes covered",
    "stability.measure.jsd": "final JSD (nats)",
    "stability.measure.diverged": "diverged",
    "stability.lr_d": "lr_D (D's learning rate)",
    "stability.lr_g": "lr_G (G's learning rate)",
    "stability.load": "Race this setting",
    "stability.load_help": "Restart the race above on ring8 with these two learning rates (the rest of the preset "
                           "stays) and the map's first seed.",
    "stability.loaded": "The race above runs the map's setting lr_D = {lr_d}, lr_G = {lr_g} (seed {seed}) instead "
                        "of the preset's learning rates.",
    "stability.back": "Back to the preset's rates",
    "stability.back_help": "Restart the race with the preset's own learning rates.",
    "stability.how": "How the map was made: `{command}` ({runs} runs; each row of `{file}` is one run). Make your "
                     "own over any settings with `ganviz sweep --preset ring8 --grid lr_d=1e-5,1e-4 k=1,5 --seeds "
                     "0-4 --out my_map.jsonl`: with `pip install 'ganviz[sweep]'` it uses every core (or a Ray "
                     "cluster, `--address`), and running it again resumes where it stopped (docs/command-line.md).",
    "mode_collapse.explain": "**Mode collapse.** G only has to fool D, and D judges one sample at a time. A generator "
                             "that puts all its samples on the one mode D currently believes in wins each round; D "
                             "then learns that mode is fake, and G hops to another. The timeline shows those hops. "
                             "The remedies give D (or G) a wider view:\n\n"
                             "- **Unrolled GAN** (Metz et al. 2017): G's update looks ahead through K steps of D's "
                             "training, so G is penalised for moves D would quickly punish.\n"
                             "- **PacGAN** (Lin et al. 2018): D judges packs of m samples at once; a pack of "
                             "near-identical samples gives a collapsed G away.\n"
                             "- **Minibatch standard deviation** (Karras et al. 2018): D sees how varied the whole "
                             "batch is.\n"
                             "- **WGAN-GP** (Gulrajani et al. 2017): a critic with a gradient penalty gives G useful "
                             "gradients everywhere, not only near D's decision boundary.\n\n"
                             "The protocol (Srivastava et al. 2017; Lin et al. 2018): 2,500 samples; a sample is "
                             "high-quality if it is within 3 standard deviations of its nearest mode; a mode is "
                             "covered if it is the nearest mode of at least one high-quality sample.",
    "mode_collapse.explain_figures": "**The two square plots** are the two runs at the same step: black dots are "
                                     "real samples (the modes), green dots G's samples, grey lines G's manifold (a "
                                     "grid of z pushed through G), and the background is D(x), blue where D says "
                                     "\"real\" and red where it says \"fake\". Below them, the modes each run covers "
                                     "over the steps, and for each run a strip with one row per mode showing where "
                                     "its samples land.",
    # --- end mode_collapse


    # --- theory (pages/theory.py, ganviz/views/theory.py)
    "theory.title": "The theory, in numbers",
    "theory.caption": "Proposition 1, Theorem 1 and the saturating loss of Goodfellow et al. (2014), each one a thing "
                      "to poke. p_data and p_g (left) are exact densities: no network stands between you and the "
                      "mathematics, except where one is trained on purpose.",
    "theory.sidebar_header": "p_data and p_g",
    "theory.sidebar_caption": "Used by Proposition 1 and Theorem 1.",
    "theory.copy": "Make p_g equal to p_data",
    "theory.copy_help": "Theorem 1's minimum: then D* = 1/2 everywhere and C(G) = −log 4.",
    "theory.tab_prop1": "Proposition 1: the best D",
    "theory.tab_thm1": "Theorem 1: the minimum of C(G)",
    "theory.tab_saturation": "Why G uses the non-saturating loss",
    "theory.tab_prop2": "Proposition 2: descending C(G)",
    "theory.tab_fits": "Maximum likelihood vs GAN",
    "theory.density": "density",
    "theory.p2_intro": "With D at D* at every step, the criterion C(G) = max_D V(D, G) is **convex in p_g** (a maximum of functions that are linear in p_g). So a small step that improves C, taken in **p_g itself**, can only go downhill, and p_g converges to p_data (Proposition 2). In practice G is a network and we step its **parameters θ**: C as a function of θ is not convex, and the argument says nothing there. Both runs below use the exact D* of every step and start from the same p_g (the one a freshly initialised MLP G makes), with p_data from the sidebar.",
    "theory.p2_rate": "Step size η in p_g's space",
    "theory.p2_rate_help": "Each step is p_g ← p_g^(1−η)·(p_data + p_g)^η, renormalised: a gradient step on C in the geometry of densities (mirror descent), which keeps p_g a density. At η = 1 it is p_g ← (p_data + p_g)/2.",
    "theory.p2_lr": "Adam learning rate of the MLP G",
    "theory.p2_lr_help": "The MLP G (1 → 32 → 32 → 1, ReLU, z ~ U(−1, 1)) takes Adam steps down C(θ) itself, with p_g measured exactly on the grid.",
    "theory.p2_offset": "Start p_g at (shift)",
    "theory.p2_offset_help": "Added to the MLP's output at initialisation, so both runs start with p_g away from the data.",
    "theory.p2_steps": "Train 100 steps",
    "theory.p2_steps_help": "100 more steps of both runs (a few seconds: the MLP run computes p_g and its gradient on the whole grid each step).",
    "theory.p2_reset": "Start again",
    "theory.p2_function_pg": "p_g, stepped in p_g's own space",
    "theory.p2_parametric_pg": "p_g of the MLP G, stepped in θ",
    "theory.p2_function_c": "C(G), stepped in p_g",
    "theory.p2_parametric_c": "C(G), MLP stepped in θ",
    "theory.p2_metric_function": "C(G) + log 4, in p_g",
    "theory.p2_metric_parametric": "C(G) + log 4, MLP",
    "theory.p2_metric_help": "C(G) + log 4 = 2·JSD(p_data ‖ p_g): 0 exactly when p_g = p_data.",
    "theory.p2_reached": "Step {step}: the run in p_g's own space is at −log 4 (within 0.001): p_g = p_data, as Proposition 2 says. The MLP, with the same objective and the same D*, is {gap} above it.",
    "theory.p2_not_yet": "Step {step}: C(G) + log 4 is {function} in p_g's own space and {parametric} for the MLP.",
    "theory.p2_gap": "On a two-mode p_data (choose two Gaussians for p_data in the sidebar), the MLP typically sits on a plateau for hundreds of steps before it finds a better shape, if it does: its p_g is the push-forward of one interval through a ReLU network, and moving mass between the modes means passing through worse shapes. Measured on modes at ±1.5 (std 0.5) from a start at −2.5: the function-space run is at −log 4 within 100 steps; the MLP stays near C + log 4 = 0.45 for 600–900 steps, then drops to about 0.12.",
    "theory.fits_intro": "Which divergence a model minimises decides how it fails. Here one Gaussian q = N(μ, σ²) is fitted three ways, exactly on a grid, to a p_data of two modes (set below). **Forward KL(p_data ‖ q)** is what maximum likelihood minimises (and what a VAE's ELBO bounds): q must cover everywhere p_data has mass, so it spreads over both modes and fills the empty gap between them (blurry samples). **Reverse KL(q ‖ p_data)** punishes q for mass where the data has none, so q settles on one mode and drops the other. **The JSD** is what the GAN criterion measures at D = D* (Theorem 1): it lies between the two.",
    "theory.fit_forward_kl": "forward KL (maximum likelihood)",
    "theory.fit_reverse_kl": "reverse KL",
    "theory.fit_jsd": "JSD (GAN at D*)",
    "theory.fits_distance": "Distance between the two modes",
    "theory.fits_distance_help": "p_data is two Gaussians of standard deviation 0.5, this far apart.",
    "theory.fits_weight": "Weight of the left mode",
    "theory.fits_weight_help": "The right mode has the rest (0.5: equal modes).",
    "theory.fits_table": "| fit | μ | σ | its divergence (nats) |\n| --- | --- | --- | --- |\n{rows}",
    "theory.fits_try": "With weights 0.7/0.3 and modes 4 apart (the tab's start), reverse KL and the JSD both take the heavier mode while forward KL straddles the gap. Try equal weights: the JSD then still covers both modes at 4 apart, and picks one at 6 apart.",
    "theory.tab_vae": "VAE vs GAN",
    "theory.vae_intro": "Two ways to build a generative model. A **VAE** (variational autoencoder, Kingma & Welling 2014) is *explicit*: it writes down a density, p_θ(x) = ∫ p_θ(x|z) p(z) dz, with a decoder p_θ(x|z) and p(z) = N(0, I). That integral has no closed form, so it trains on a lower bound of log p_θ(x), the **ELBO**, which an encoder q_φ(z|x) makes computable; one z per x is drawn with the **reparametrisation trick** z = μ + σ·ε, ε ~ N(0, I), so the gradient flows through μ and σ. Maximising it is (about) maximum likelihood, i.e. minimising the forward KL(p_data ‖ p_θ): the model must put mass wherever the data has some. A **GAN** is *implicit*: G only draws samples G(z); there is no formula for p_g(x) and nothing to bound. Below, a VAE is trained on the GAN's own targets and set beside a GAN that ganviz ships, converged on the same target.",
    "theory.vae_target": "Target",
    "theory.vae_target_help": "1D two modes (the Figure 1 page's bimodal), 2D ring8 (the mode-collapse benchmark), or MNIST (both models shipped, trained beforehand).",
    "theory.vae_target_bimodal": "1D: two modes",
    "theory.vae_target_ring8": "2D: ring8",
    "theory.vae_target_mnist": "MNIST",
    "theory.vae_train": "Train the VAE ({steps} steps) beside the GAN",
    "theory.vae_train_help": "Trains a small VAE (MLPs of 64 units, Adam 1e-3) for a few seconds on this target, then sets it beside the shipped converged GAN of the same target. Trained once per server: later visits see it at once.",
    "theory.vae_press": "Press the button above: the VAE trains for a few seconds, then its density or samples appear beside the GAN's.",
    "theory.vae_training": "Training the VAE…",
    "theory.vae_loading": "Loading the MNIST VAE, the GAN and the classifier…",
    "theory.vae_gan_pg": "p_g (GAN)",
    "theory.vae_p_theta": "p_θ (VAE)",
    "theory.vae_gan_samples": "GAN: samples G(z)",
    "theory.vae_vae_samples": "VAE: samples x ~ p_θ(x|z), z ~ N(0, I)",
    "theory.vae_modes": "modes of p_data",
    "theory.vae_log_likelihood_line": "exact log-likelihood (average over p_data)",
    "theory.vae_elbo_axis": "ELBO (nats, average over p_data)",
    "theory.vae_table": "| | GAN (implicit) | VAE (explicit) |\n| --- | --- | --- |\n{rows}",
    "theory.vae_no_formula": "— (no formula for p_g)",
    "theory.vae_row_gap": "mass in the gap between the modes",
    "theory.vae_row_log_likelihood": "log-likelihood E[log p(x)] (nats)",
    "theory.vae_row_modes": "modes covered",
    "theory.vae_row_hq": "high-quality share (within 3σ of a mode)",
    "theory.vae_row_sharp": "classified with confidence > 0.9 ({n:,} samples)",
    "theory.vae_row_elbo_mnist": "ELBO on the 10,000 test images (nats per image)",
    "theory.vae_mnist_gan": "GAN (the MNIST page's generator)",
    "theory.vae_mnist_vae": "VAE (decoder means for z ~ N(0, I))",
    "theory.vae_caption_1d": "Both models cover the two modes here: a G that maps the interval of z continuously onto the line must cross the gap too, so the GAN also leaves some mass there. The VAE's density is the decoder's Gaussians mixed over z ~ N(0, 1) and it spreads mass into the gap as well (the table). What only the VAE has is a number for its fit: its ELBO rises as it trains and stays below its exact log-likelihood (the dotted line), computed here on the grid because its latent is 1D.",
    "theory.vae_caption_2d": "Both models reach all 8 modes, but most of the VAE's samples fall between and around them: its latent N(0, I) is one connected blob and maximum likelihood punishes it for missing any data, so the decoder spreads the blob over the whole ring, gaps included, and its own noise σ_θ(z) blurs each point. The GAN's samples sit on the modes (a high high-quality share). The GAN is the shipped converged run; the same GAN can also drop modes (the Mode collapse page).",
    "theory.vae_caption_mnist": "The same on images: the VAE's digits (after {epochs} epochs) are blurred, averages of the digits its z could mean, and the shipped classifier is confident about {vae} of them against {gan} of the GAN's sharp ones. The VAE has a number for how well it models the test set (its ELBO); the GAN has none: the MNIST page estimates one from samples (Parzen windows).",
    "theory.vae_weights_missing": "The MNIST VAE or GAN could not be loaded: {error}",
    "theory.vae_explicit_implicit": "Explicit vs implicit: the VAE's table has a likelihood bound because it has a formula for p_θ(x); the GAN's has none, only samples. The exact picture behind the difference is the tab *Maximum likelihood vs GAN*: forward KL (the VAE's) covers every mode and fills the gaps, reverse KL and the JSD (the GAN's, at D = D*) seek modes.",
    "theory.candidate": "candidate D",
    "theory.candidate_sigmoid": "a sigmoid",
    "theory.candidate_blend": "D* blended with ½",
    "theory.candidate_help": "Any function with values in (0, 1) is a discriminator. Try to beat D*.",
    "theory.centre": "centre c",
    "theory.centre_help": "Where the candidate says ½.",
    "theory.slope": "slope a",
    "theory.slope_help": "How sharply it switches; negative flips it, 0 gives D = ½ everywhere.",
    "theory.blend": "blend t",
    "theory.blend_help": "D = (1 − t)·D* + t·½: D* itself at t = 0, the clueless D = ½ at t = 1.",
    "theory.candidate_sigmoid_label": "candidate D = σ({slope}·(x − {centre}))",
    "theory.candidate_blend_label": "candidate D = (1 − {blend})·D* + {blend}·½",
    "theory.v_star_help": "The best any D can do against this p_g.",
    "theory.v_candidate": "V(D, G) of the candidate",
    "theory.v_candidate_help": "Integrated on a grid of 4,000 cells. It is never above V(D*, G).",
    "theory.v_below": "{gap} below D*",
    "theory.v_minus_inf": "−∞: D is 0 or 1 where there is data",
    "theory.why_d_star": "Why D* wins: at each x, y ↦ a·log y + b·log(1 − y) with a = p_data(x), b = p_g(x) is "
                         "largest at y = a/(a + b). The blue band in the lower plot is what the candidate loses at "
                         "each x; it is never below zero, so the integral V cannot beat D* either.",
    "theory.fit_header": "Let a network find D*",
    "theory.fit_caption": "A small discriminator (2 hidden layers of 32 ReLU units, Adam) sees minibatches of p_data "
                          "and of p_g and minimises the log loss, i.e. ascends V. It is never told the formula, yet "
                          "it converges to D*.",
    "theory.fit_play": "Train D",
    "theory.fit_play_help": "Train the network D against the fixed p_g, redrawing as it learns.",
    "theory.fit_reset_help": "A fresh, untrained network.",
    "theory.fit_done": "D stopped improving after {steps} steps: its curve now lies on D*.",
    "theory.fit_diverged": "The discriminator's loss became NaN or infinite: reset and try again.",
    "theory.d_steps": "D steps",
    "theory.d_steps_help": "Updates of the network D so far (Adam, a minibatch from each density per update).",
    "theory.gap": "mean |D − D*|",
    "theory.gap_help": "Averaged under (p_data + p_g)/2.",
    "theory.v_network": "V(D, G) of the network",
    "theory.v_network_help": "V of the network's D, integrated on the same grid: it climbs towards V(D*, G).",
    "theory.network_d": "the network D",
    "theory.v_plug": "V(D*, G): plug D* into V and integrate",
    "theory.v_plug_help": "Sum over 4,000 cells of p_data·log D* + p_g·log(1 − D*).",
    "theory.jsd_nats": "JSD = {jsd} nats.",
    "theory.difference": "difference",
    "theory.difference_help": "The two agree to rounding: Theorem 1 holds on the grid.",
    "theory.jsd_sum": "JSD = (sum of the two KL)/2",
    "theory.jsd_sum_help": "In nats; 0 ≤ JSD ≤ log 2 ≈ 0.693.",
    "theory.global_minimum": "p_g = p_data: D* = ½ everywhere, JSD = 0 and C(G) = −log 4, the global minimum.",
    "theory.lowest_c": "Lowest C(G) on this slide: {c}. It reaches −log 4 ≈ −1.3863 only if p_g has p_data's shape "
                       "as well as its place: try the sidebar's *Make p_g equal to p_data*.",
    "theory.saturation_intro": "Early in training D easily tells the fakes apart, so **D(G(z)) ≈ 0**. There the "
                               "minimax objective log(1 − D(G(z))) is flat and its gradient vanishes; −log D(G(z)) "
                               "has the same fixed point but a strong gradient. The paper: *“Early in learning, when "
                               "G is poor, D can reject samples with high confidence … log(1 − D(G(z))) saturates.”*",
    "theory.experiment": "**The experiment.** The same 1D GAN, same seed, same everything but one setting, trained "
                         "twice side by side from a generator placed far to the left of the data: compare the loss "
                         "(minimax vs non-saturating) or k, the D steps per G step. The two presets below are "
                         "measured settings; each starts both runs from step 0 and plays.",
    "theory.race_preset.loss.title": "Minimax vs non-saturating",
    "theory.race_preset.loss.caption": "G starts 2.5 to the left of the data, k = 3, seed 1; only the loss differs. "
                                       "The minimax run stays stuck at JSD = log 2 for all 4,000 steps, with every "
                                       "seed we tried (0 to 5): D rejects the fakes and G's gradient D(G(z)) "
                                       "vanishes. The non-saturating run, from the same weights, falls below JSD 0.3 "
                                       "within 600 steps (0.13 with this seed).",
    "theory.race_preset.k.title": "k = 1 vs k = 5",
    "theory.race_preset.k.caption": "Minimax loss, G starts 2 to the left of the data, seed 2; only k differs. With "
                                    "k = 1, D cannot reject every fake, G keeps a gradient, and JSD falls from log 2 "
                                    "to 0.20 by step 100 (0.16 at step 1,000). With k = 5, D rejects them all "
                                    "(D(G(z)) below 0.001 from step 50), G's gradient vanishes and JSD stays at "
                                    "log 2 = 0.693 for all 4,000 steps. Seeds 0 to 4 at step 1,000: k = 5 is at "
                                    "0.693 every time, k = 1 between 0.11 and 0.44.",
    "theory.compare": "compare",
    "theory.compare_loss": "the loss: minimax vs non-saturating",
    "theory.compare_k": "k: 1 vs 5",
    "theory.compare_help": "What differs between the two runs; everything else, the seed included, is the same.",
    "theory.offset": "G starts shifted by",
    "theory.offset_help": "Added to G's output when the networks are built; p_data is N(2, 0.5²).",
    "theory.k": "k: D steps per G step",
    "theory.k_help": "A stronger D (larger k) rejects fakes sooner, which is when minimax saturates.",
    "theory.race_loss": "loss of both runs",
    "theory.race_loss_help": "When k is compared, both runs use this loss. With minimax, a stronger D (k = 5) can "
                             "make G's gradient vanish.",
    "theory.lr": "learning rate (both, SGD)",
    "theory.lr_help": "SGD with momentum 0.5, the same rate for D and G. Too large and a run diverges (it is then "
                      "rolled back and you are told).",
    "theory.seed": "seed",
    "theory.seed_help": "Both runs use this seed: they start from the same weights.",
    "theory.race_play_help": "Train both runs, 15 iterations of Algorithm 1 each per frame.",
    "theory.race_reset_help": "Both runs back to step 0, same seed.",
    "theory.run_minimax": "minimax",
    "theory.run_nonsaturating": "non-saturating",
    "theory.run_title_minimax": "minimax: G minimises log(1 − D(G(z)))",
    "theory.run_title_nonsaturating": "non-saturating: G minimises −log D(G(z))",
    "theory.run_title_k": "k = {k} D steps per G step · {loss} loss",
    "theory.race_jsd_help": "log 2 ≈ 0.693 means p_g and p_data do not overlap at all.",
    "theory.grad_size": "G's gradient size",
    "theory.grad_size_help": "Mean |∂ objective / ∂ logit| over p_g: D(G(z)) for minimax, 1 − D(G(z)) for "
                             "non-saturating.",
    "theory.fig_integrand_title": "V's integrand at each x: p_data·log D + p_g·log(1 − D)",
    "theory.fig_with_d_star": "with D*",
    "theory.fig_with_d": "with D: the loss against D*",
    "theory.fig_integrand": "integrand",
    "theory.fig_now": "now",
    "theory.fig_disjoint": "0 (disjoint: JSD = log 2)",
    "theory.fig_data_mean": "mean of p_data",
    "theory.fig_pg_now": "p_g now",
    "theory.fig_g_mean": "mean of p_g",
    "theory.fig_obj_minimax": "minimax: log(1 − D(G(z)))",
    "theory.fig_obj_nonsaturating": "non-saturating: −log D(G(z))",
    "theory.fig_early": "← early training:<br>D rejects the fakes",
    "theory.fig_objective_axis": "G's objective (minimised)",
    "theory.fig_gradient_axis": "its gradient's size |∂/∂ logit|",
    "theory.fig_run_now": "{run} run now",
    "theory.fig_nothing_learned": "log 2: nothing learned",
    "theory.fig_jsd_axis": "JSD (nats)",
    "theory.explain": "- **Proposition 1**: for a fixed generator, the best discriminator is D* = p_data/(p_data + "
                      "p_g). Move the candidate D and watch V(D, G) stay below V(D*, G); train a network and watch "
                      "it find D* by itself.\n"
                      "- **Theorem 1**: plugging D* into V gives the virtual training criterion C(G) = −log 4 + "
                      "2·JSD. It is computed here both ways, on the same grid, and the digits agree. Its minimum "
                      "−log 4 is reached only at p_g = p_data, where D* = ½: the discriminator can do no better "
                      "than a coin.\n"
                      "- **The non-saturating loss**: the minimax game gives G a gradient proportional to D(G(z)), "
                      "nearly zero when D is sure the fakes are fake. Maximising log D(G(z)) instead gives the same "
                      "fixed point with a strong gradient early on: Section 3 of the paper. The race of k shows the "
                      "same thing from D's side: with the minimax loss, a stronger D (k = 5) rejects the fakes "
                      "sooner and G's gradient vanishes, while with k = 1 G keeps a gradient and learns.\n\n"
                      "All integrals are sums over 4,000 equal cells covering 8 standard deviations around every "
                      "component, so the mass left outside is below 10⁻¹⁴.",
    # --- end theory


    # --- mnist (pages/mnist.py, ganviz/ui/mnist.py)
    "mnist.title": "MNIST: digits from a GAN",
    "mnist.caption": "A GAN trained on the 50,000 MNIST training digits ships with ganviz. Everything below is drawn "
                     "by it on this machine's CPU, from a noise vector z ~ N(0, I) of 100 numbers per digit.",
    "mnist.spinner_generator": "Loading the pretrained generator…",
    "mnist.spinner_train": "Reading the 60,000 MNIST training images…",
    "mnist.spinner_nearest": "Searching the {n} training images…",
    "mnist.spinner_subset": "Reading the 10,000 MNIST training images shipped with ganviz…",
    "mnist.spinner_real": "Scoring real test digits with the discriminator…",
    "mnist.weights_error": "The pretrained generator could not be loaded: {error}",
    "mnist.samples": "Samples",
    "mnist.seed": "Seed",
    "mnist.seed_help": "The same seed always draws the same digits.",
    "mnist.new": "New samples",
    "mnist.new_help": "A fresh random seed: new noise vectors, new digits.",
    "mnist.n": "Number of samples",
    "mnist.n_help": "How many digits to draw at once.",
    "mnist.show_d": "Show D(x) under each sample",
    "mnist.show_d_help": "The shipped discriminator's probability that the digit is real (1) rather than generated "
                         "(0).",
    "mnist.metric_d_samples": "mean D(x), these samples",
    "mnist.metric_d_samples_help": "The discriminator's average verdict on the digits above: 1 = surely real, 0 = "
                                   "surely generated.",
    "mnist.metric_d_real": "mean D(x), {n} real test digits",
    "mnist.metric_d_real_help": "The same discriminator on real MNIST test digits, for comparison.",
    "mnist.d_mean": "Mean D(x) over these samples: {mean}",
    "mnist.d_mean_real": "; over {n} real test digits: {mean}",
    "mnist.d_explain": ". D is the discriminator of the last training step, G the running average of the generator's "
                       "weights: D(x) says how real D finds each digit, 1 = surely real, 0 = surely generated.",
    "mnist.classes_caption": "The shipped classifier's reading of the {n} samples above. A digit drawn far more often "
                             "than others, and one drawn rarely, is partial mode collapse: G covers some modes of the "
                             "data better than others.",
    "mnist.classes_overall": " Over 10,000 samples of this generator: {low} to {high} per digit ({digits}); over "
                             "10,000 real digits: {real_low} to {real_high}.",
    "mnist.fig2_title": "Has it memorised the training set? (the paper's Figure 2)",
    "mnist.fig2_caption": "Each row: {per_row} samples, then, outlined in yellow, the training image nearest to the "
                          "sample beside it (Euclidean distance in pixel space; which training images were searched "
                          "is said below). If the generator had memorised its data, the two would be the same digit, pixel "
                          "for pixel.",
    "mnist.fig2_distances": "Distances from each row's last sample to its nearest training image: {distances}. For "
                            "comparison, a real test digit lies typically {low} to {high} (median {median}) from its "
                            "nearest training image: a copy would be at about 0.",
    "mnist.fig2_distances_short": "Distance to the nearest training image: {distances} (a real test digit: {low} to "
                                  "{high}; a copy: 0)",
    "mnist.data_error": "The MNIST training images could not be read: {error}",
    "mnist.fig2_searched_full": "Searched: all 60,000 MNIST training images.",
    "mnist.fig2_searched_subset": "Searched: the 10,000 training images shipped with ganviz (train[0:10000]); "
                                  "the full 60,000 may hold a nearer one. Download them below to search them all.",
    "mnist.download": "Download MNIST (11 MB)",
    "mnist.download_help": "Fetches the four MNIST files (60,000 training and 10,000 test images) from public "
                           "mirrors into `{folder}`, keeps each only if its SHA-256 checksum is the original's, then "
                           "searches all 60,000 here. Offline, the page keeps using the 10,000 shipped images. "
                           "From a terminal: `python -m ganviz mnist download`.",
    "mnist.download_starting": "Connecting to the MNIST mirrors…",
    "mnist.download_progress": "Downloading MNIST: {done} of {total} MB (each file's checksum is verified)",
    "mnist.download_error": "The download did not work, and the page keeps using the 10,000 shipped images: "
                            "{error}",
    "mnist.download_done": "MNIST downloaded into `{folder}`, every checksum verified: Figure 2 now searches all "
                           "60,000 training images.",
    "mnist.view": "Show",
    "mnist.view_pretrained": "Pretrained generator",
    "mnist.view_live": "Train from scratch",
    "mnist.view_help": "Pretrained generator: sample the GAN that ships with ganviz, with the paper's Figures 2 and 3 "
                       "and Table 1. Train from scratch: press Play and watch a small GAN learn digits here, live.",
    "mnist.live_title": "Train a GAN from scratch",
    "mnist.live_caption": "Press Play: Algorithm 1 runs in your browser session, one D step and one G step per "
                          "iteration, on MNIST digits. The 64 digits below are G's answers to the same 64 noise "
                          "vectors at every frame: they start as grey noise and, within the first minute, take the "
                          "shapes of digits; *readable digits* says how many of them a classifier reads with "
                          "confidence (real digits: about 94 %).",
    "mnist.live_spinner": "Building a fresh, untrained GAN…",
    "mnist.live_play_help": "Train while the page redraws: G's digits, the losses, D's verdicts and the class "
                            "histogram, several times a second.",
    "mnist.live_step_help": "Train {n} iterations (one D step and one G step each), then stay paused.",
    "mnist.live_reset_help": "Throw this GAN away and start again from random weights.",
    "mnist.live_metric_step": "iteration",
    "mnist.live_metric_step_help": "Iterations of Algorithm 1 so far: each one D step on a minibatch of real and "
                                   "generated digits, then one G step.",
    "mnist.live_metric_seconds": "training time",
    "mnist.live_metric_seconds_help": "Seconds spent training so far (drawing the page not counted).",
    "mnist.live_metric_confident": "readable digits",
    "mnist.live_metric_confident_help": "The share of 256 generated digits (fixed noise) that the classifier shipped "
                                        "with ganviz reads with probability > 0.9. Real MNIST digits: about 94 %.",
    "mnist.live_metric_d": "mean D(x): real / generated",
    "mnist.live_metric_d_help": "D's average verdict on 256 real digits and on 256 generated ones. At the game's "
                                "equilibrium both would be 1/2: D could no longer tell them apart.",
    "mnist.live_diverged": "The losses stopped being finite numbers: this run diverged. Press Reset to start again.",
    "mnist.live_data": "Training on {n} MNIST training images, on the {device}. G and D: small fully connected "
                       "networks (MLPs, like the paper's, only smaller); the grid shows the running average of G's "
                       "weights, which steadies the digits.",
    "mnist.live_explain": "**What trains.** G turns a noise vector z (100 numbers) into a 28×28 image through "
                          "two fully connected hidden layers of 256 and 512 units; D turns an image into the "
                          "probability that it is real through layers of 256 and 128 units. (On a processor without "
                          "a GPU such layers cost far less per step than convolutions, so more steps fit into each "
                          "second.) Each iteration: D takes one step to tell a minibatch of 32 real digits from "
                          "32 of G's, then G takes one step to make D call its digits real (the non-saturating loss "
                          "of the paper's Section 3). \n\n**What to watch.** *The grid*: the same noise, so every "
                          "change is G learning. *D(x) histograms*: early on D separates the two (real near 1, "
                          "generated near 0); as G improves the two piles move towards each other. *Losses*: they do "
                          "not fall to zero as in supervised learning; they settle near the dotted lines when neither "
                          "player wins. *Classes*: the classifier's reading of G's digits; a tall bar and missing "
                          "digits mean G is collapsing onto a few modes.",
    "mnist.live_d_loss": "D loss",
    "mnist.live_g_loss": "G loss",
    "mnist.live_losses_title": "Losses",
    "mnist.live_step": "iteration",
    "mnist.live_real": "real digits",
    "mnist.live_fake": "generated digits",
    "mnist.live_d_title": "D(x): real vs generated",
    "mnist.live_share": "share",
    "mnist.live_classes": "share of samples",
    "mnist.live_classes_title": "Which digits G draws (the classifier's reading)",
    "mnist.live_digit": "digit",
    "mnist.fig3_title": "Walking through z (the paper's Figure 3)",
    "mnist.fig3_caption": "Digits generated from z = (1 − t)·z_left + t·z_right for t from 0 to 1: a smooth path in "
                          "noise space gives a smooth morph between digits, another sign that G has learned a space, "
                          "not a list.",
    "mnist.left": "Left end: seed",
    "mnist.left_help": "The seed of z_left, the noise vector at t = 0.",
    "mnist.reroll_left": "Reroll left",
    "mnist.reroll_left_help": "A fresh random seed for the left end.",
    "mnist.right": "Right end: seed",
    "mnist.right_help": "The seed of z_right, the noise vector at t = 1.",
    "mnist.reroll_right": "Reroll right",
    "mnist.reroll_right_help": "A fresh random seed for the right end.",
    "mnist.steps": "Steps",
    "mnist.steps_help": "How many evenly spaced values of t, from 0 to 1, to draw.",
    "mnist.progress_title": "How the samples improved during training",
    "mnist.progress_error": "No training-progress frames: {error}",
    "mnist.frame": "Training step",
    "mnist.frame_help": "A step of the shipped training run: see the samples of the generator as it was then. One "
                        "epoch is one pass over the training digits.",
    "mnist.frame_option": "{step} (epoch {epoch})",
    "mnist.progress_caption": "The same {n} noise vectors, pushed through the generator as it was at each step of the "
                              "shipped run (step 0: the untrained network).",
    "mnist.table1_title": "How good is it? (the paper's Table 1, and better)",
    "mnist.col_model": "model",
    "mnist.col_parzen": "Parzen log-likelihood",
    "mnist.col_sigma": "sigma",
    "mnist.row_paper": "adversarial nets (paper, Table 1)",
    "mnist.row_samples": "this generator, 10,000 samples",
    "mnist.row_real": "10,000 real training images",
    "mnist.parzen_caption": "The paper's protocol (goodfeli/adversarial, parzen_ll.py): a Gaussian kernel on each of "
                            "10,000 samples, its width chosen among 10 values from 0.1 to 1 on 1,000 held-out training "
                            "images, then the mean log-likelihood of the 10,000 test images ± its standard error. "
                            "Higher is better, but in 784 dimensions the estimate is far from the true likelihood and "
                            "a poor guide to sample quality (Theis, van den Oord and Bethge, 2016); the real images "
                            "show what a perfect generator would score. A generator can score above them: the "
                            "estimate rewards samples that sit close to many test images, such as smooth, "
                            "average-looking digits, more than realistic ones (Theis et al. beat the real images "
                            "with k-means centroids).",
    "mnist.col_images": "images",
    "mnist.col_confident": "confident (p > 0.9)",
    "mnist.col_kl": "KL(classes ‖ uniform)",
    "mnist.col_frechet": "Fréchet distance",
    "mnist.quality_caption": "A small MNIST classifier shipped with ganviz judges the samples: a blurry digit is not "
                             "classified confidently, a generator that drops digits shows a class histogram far from "
                             "uniform (KL 0 is perfectly balanced, log 10 ≈ 2.30 is one digit only), and the Fréchet "
                             "distance compares the classifier's features of the samples with those of the test set "
                             "(lower is better).",
    "mnist.no_evaluation": "The model card has no evaluation yet: run `python -m ganviz mnist eval`.",
    "mnist.metric_parzen_paper": "Parzen log-likelihood, paper",
    "mnist.metric_parzen_ours": "Parzen log-likelihood, this generator",
    "mnist.metric_parzen_help": "The mean log-likelihood of the 10,000 MNIST test images under a Gaussian kernel "
                                "density on 10,000 samples (the paper's Table 1). Higher is better.",
    "mnist.metric_confident": "confident (p > 0.9)",
    "mnist.metric_confident_help": "The share of samples to which the shipped classifier gives one class a "
                                   "probability above 0.9: blurry digits do not count.",
    "mnist.metric_frechet": "Fréchet distance",
    "mnist.metric_frechet_help": "Between the classifier's features of the samples and those of the test set. Lower "
                                 "is better.",
    "mnist.card_title": "How this generator was made",
    "mnist.card_generator": "generator",
    "mnist.card_discriminator": "discriminator",
    "mnist.card_data": "data",
    "mnist.card_recipe": "recipe",
    "mnist.card_steps": "steps",
    "mnist.card_epochs": "epochs",
    "mnist.card_seed": "seed",
    "mnist.card_training_seconds": "training seconds",
    "mnist.card_machine": "machine",
    "mnist.card_usage": "Retrain it with `python -m ganviz mnist train --data DIR --out DIR` (resumable), sample it "
                        "with `python -m ganviz mnist sample --n 1000 --seed 0 --out samples.npy`, or from Python: "
                        "`ganviz.mnist.load_generator().sample(n, seed)`.",
    "mnist.explain": "Every digit on this page is made up by the generator G: it copies no picture, it turns a vector "
                     "z of 100 random numbers into 784 pixel values. During training (Algorithm 1, the same game as "
                     "on the other pages) a discriminator D learned to tell real MNIST digits from G's, and G learned "
                     "to fool it. The page asks the paper's questions of the result: are the samples good (Samples, "
                     "Table 1)? Are they copies of the training set (Figure 2)? Has G learned a smooth space of "
                     "digits (Figure 3)?",
    "mnist.explain_try": "Try: press *New samples* a few times and look for digits that are hard to read; turn on "
                         "D(x) and see which ones D finds fake; in Figure 2, compare each sample with its yellow "
                         "neighbour; in Figure 3, pick two seeds that give different digits and watch one turn into "
                         "the other; move the training step back to 0 to see where G started.",
    # --- end mnist
    # --- follow the teacher (ganviz/ui/follow.py)
    "nav.follow": "Follow the teacher",
    "share.button": "Share with the class",
    "share.help": "Students see this run live on their own screens, in their own language, and cannot change it. "
                  "You get a short code, a link and a QR code to show them.",
    "share.code": "Class code: **{code}**",
    "share.how": "Students scan the QR code, open the link, or type the code on the page “Follow the teacher”. "
                 "The code works while you share, for at most {hours} hours.",
    "share.localhost": "This link names this computer itself (localhost): students cannot reach it. Open the app "
                       "at the computer's network address, or start it with GANVIZ_PUBLIC_URL set to that address.",
    "share.stop": "Stop sharing",
    "share.stop_help": "Your run goes on; the students' pages say that you stopped sharing, and the code no longer works.",
    "share.banner": "Shared with the class: code {code} · {n} following",
    "follow.title": "Follow the teacher",
    "follow.intro": "Type the code your teacher shows, or open their link: you see the teacher's run live on your "
                    "own screen, in your own language. You can pause your view and look back, but not change "
                    "the teacher's run.",
    "follow.code": "Class code",
    "follow.code_help": "Six letters (a digit may come first), as your teacher shows it; upper or lower case.",
    "follow.go": "Follow",
    "follow.refused_malformed": "“{code}” is not a class code: a code is six letters (a digit may come first), "
                                "like KMQPRT.",
    "follow.refused_unknown": "No run is shared under the code “{code}” here. Check the code with your teacher: "
                              "it works only while they share.",
    "follow.refused_stopped": "The teacher stopped sharing the run “{code}”.",
    "follow.refused_left": "The teacher's page has closed: the run “{code}” is no longer shared.",
    "follow.refused_expired": "The code “{code}” has expired (a code lasts at most {hours} hours). Ask your teacher "
                              "for a new one.",
    "follow.other_server": "This code belongs to another server of this class: open it",
    "follow.watching": "You are following the teacher's run on the page {page} (code {code}). Read-only: what "
                       "you see is the teacher's run, frame for frame.",
    "follow.pause": "Pause my view",
    "follow.pause_help": "Stops your screen only (the teacher's run goes on) and lets you scrub back through the "
                         "frames recorded so far. Turn it off to be live again.",
    "follow.timeline_help": "Scrub back through the {n} frames recorded since the first student joined (evenly "
                            "spaced over that time).",
    "follow.empty": "Nothing recorded yet: the frames of the teacher's run are kept here as they arrive.",
    "follow.waiting": "Waiting for the teacher's first frame…",
}

"""한국어: the Korean catalogue. The same keys and {fields} as en.py (tests check it); notation stays as it is."""

NAME = "한국어"

STRINGS = {
    # --- app (app.py, ganviz/ui/__init__.py, ganviz/ui/sessions.py)
    "nav.home": "홈",
    "nav.figure1": "그림 1",
    "nav.two_d": "2D",
    "nav.mode_collapse": "모드 붕괴",
    "nav.theory": "이론",
    "nav.mnist": "MNIST",
    "app.present": "발표 모드",
    "app.present_help": "프로젝터용: 조작 패널을 숨기고 글자, 선, 숫자를 크게 하며 그림과 핵심 수치만 화면에 남깁니다. "
                        "페이지 맨 위의 버튼으로 끌 수 있습니다.",
    "app.present_exit": "발표 모드 끝내기",
    "explain.title": "무엇을 보고 있나요?",
    "sessions.full": "이 서버에는 이미 학생 {cap}명이 접속해 있어 한도(GANVIZ_MAX_SESSIONS)에 도달했습니다. 선생님께 "
                     "다른 주소를 물어보거나 1분 뒤에 페이지를 새로 고치세요.",
    "sessions.restarted": "서버가 다시 시작되었거나 다른 서버로 옮겨졌습니다. 새 세션이므로 진행하던 학습은 0단계부터 "
                          "다시 시작합니다.",
    # --- end app


    # --- controls (ganviz/ui/controls.py)
    "controls.header": "조작",
    "controls.live_caption": "k, 학습률, m, 속도는 바로 적용됩니다. 선 아래의 항목을 바꾸면 새 모델로 시작합니다.",
    "controls.k": "k: G 한 번당 D 업데이트 횟수",
    "controls.k_help": "알고리즘 1은 G를 한 번 업데이트하기 전에, 매번 새 미니배치로 D를 k번 업데이트합니다.",
    "controls.lr_d": "D의 학습률",
    "controls.lr_g": "G의 학습률",
    "controls.lr_help": "경사 하강 한 걸음의 크기입니다. 너무 작으면 아무것도 움직이지 않고, 너무 크면 진동하거나 "
                        "발산합니다(발산하면 되돌리고 알려 줍니다).",
    "controls.batch": "미니배치 크기 m",
    "controls.batch_help": "한 번의 업데이트에 쓰는 실제 샘플과 노이즈 샘플의 개수(논문의 m).",
    "controls.slow": "슬로 모션",
    "controls.slow_help": "한 프레임에 알고리즘 1의 한 박자씩, 약 1초 간격으로 진행합니다. D의 각 업데이트와 G의 "
                          "업데이트를 하나씩, 무슨 일이 일어나는지 한 줄 설명과 함께 보여 줍니다.",
    "controls.speed": "프레임당 반복 횟수",
    "controls.speed_help": "두 번 다시 그리는 사이에 실행하는 알고리즘 1 반복 횟수: 영상의 재생 속도입니다.",
    "controls.new_model_caption": "아래 항목은 새 모델로 시작합니다:",
    "controls.target": "목표 분포 p_data",
    "controls.target_help": "G가 배워야 할 데이터 분포입니다. 밀도를 정확히 알고 있습니다.",
    "controls.loss": "손실 함수",
    "controls.loss_help": "minimax는 논문의 게임 그대로이고, non-saturating은 논문이 실전에서 권하는 방식입니다.",
    "controls.optimizer": "옵티마이저",
    "controls.optimizer_help": "논문은 모멘텀 SGD를 썼습니다. Adam은 가중치마다 걸음 크기를 조절합니다.",
    "controls.prior": "노이즈 사전분포 p_z",
    "controls.prior_help": "G가 샘플로 바꾸는 노이즈 z의 분포입니다.",
    "controls.z_dim": "노이즈 차원",
    "controls.z_dim_help": "z의 차원입니다. 1이면 G는 곡선만 그릴 수 있고, 2 이상이면 면을 덮을 수 있습니다.",
    "controls.width": "신경망 너비(은닉층당 유닛 수)",
    "controls.width_help": "G와 D 모두 은닉층마다 이만큼의 ReLU 유닛을 씁니다.",
    "controls.depth": "은닉층 수",
    "controls.depth_help": "G와 D 각각의 은닉층 개수입니다.",
    "controls.g_offset": "G의 시작 위치 이동",
    "controls.g_offset_help": "모델을 만들 때 G의 출력에 더하는 값입니다. p_g가 원래 자리에서 이만큼 떨어져, 예를 들어 "
                              "데이터의 왼쪽에서 시작합니다.",
    "controls.seed": "시드",
    "controls.seed_help": "같은 시드와 같은 설정이면 같은 컴퓨터에서 같은 학습이 재현됩니다.",
    "target.gaussian": "가우시안 하나 (그림 1처럼)",
    "target.bimodal": "가우시안 두 개의 혼합",
    "target.gaussian2d": "가우시안 하나",
    "target.ring8": "ring8: 원 위의 가우시안 8개",
    "target.grid25": "grid25: 격자 위의 가우시안 25개",
    "target.spiral": "나선 (스위스 롤)",
    "target.moons": "두 개의 반달",
    "target.custom": "직접 찍은 점 (그리기 또는 업로드)",
    "loss.minimax": "minimax: G가 log(1 − D(G(z)))를 최소화 (saturating)",
    "loss.nonsaturating": "non-saturating: G가 log D(G(z))를 최대화",
    "loss.lsgan": "최소제곱 (LSGAN)",
    "loss.wgan-gp": "Wasserstein + 그래디언트 페널티",
    "loss.hinge": "힌지",
    "optimizer.sgd": "SGD + 모멘텀 (논문)",
    "optimizer.adam": "Adam",
    "prior.uniform": "균등분포 (논문)",
    "prior.normal": "정규분포",
    "mixture.shape": "{label}의 모양",
    "mixture.gaussian": "가우시안",
    "mixture.mixture": "가우시안 두 개",
    "mixture.mean": "평균",
    "mixture.mean_help": "{label}의 중심 위치.",
    "mixture.std": "표준편차",
    "mixture.std_help": "{label}이(가) 퍼진 정도.",
    "mixture.mean2": "평균 2",
    "mixture.mean2_help": "두 번째 가우시안의 중심.",
    "mixture.std2": "표준편차 2",
    "mixture.std2_help": "두 번째 가우시안이 퍼진 정도.",
    "mixture.weight": "첫 번째 가우시안의 비중",
    "mixture.weight_help": "첫 번째 가우시안이 차지하는 확률 질량의 비율입니다. 나머지는 두 번째 가우시안의 몫입니다.",
    # --- end controls


    # --- live (ganviz/ui/live.py, ganviz/ui/loop.py)
    "live.play": "재생",
    "live.pause": "일시 정지",
    "live.play_help": "알고리즘 1을 계속 실행하며, 반복을 한 묶음 마칠 때마다 다시 그립니다.",
    "live.step": "한 단계",
    "live.step_help": "알고리즘 1의 반복 한 번: D를 k번 업데이트한 뒤 G를 한 번 업데이트합니다.",
    "live.d_step": "D 한 걸음",
    "live.d_step_help": "G는 고정한 채 D만 한 번 업데이트합니다: 판별자의 차례를 연기해 보세요.",
    "live.g_step": "G 한 걸음",
    "live.g_step_help": "D는 고정한 채 G만 한 번 업데이트합니다: 생성자의 차례를 연기해 보세요.",
    "live.reset": "처음으로",
    "live.reset_help": "같은 시드로 새 모델을 만듭니다: 같은 학습을 처음부터 다시.",
    "live.fit_d": "D를 최적까지 학습",
    "live.fit_d_help": "G를 고정하고 D만 더 나아지지 않을 때까지 학습합니다: D가 D*에 다가갑니다(패널 (b)).",
    "live.snapshot": "스냅숏",
    "live.snapshot_help": "지금 프레임을 아래에 패널로 고정해 (a)-(d)를 비교합니다.",
    "live.clear": "스냅숏 지우기",
    "live.clear_help": "고정한 패널을 지웁니다.",
    "live.snapshots": "스냅숏",
    "live.frozen_title": "({panel}) {step}단계, JSD {jsd}",
    "live.new_model": "새 모델: 목표 분포나 모델을 정하는 항목이 바뀌어 학습을 처음부터 다시 시작합니다.",
    "live.d_step_done": "D만 한 걸음 움직였습니다(G 고정): D(x)는 D* 쪽으로 움직였고 p_g는 그대로입니다.",
    "live.g_step_done": "G만 한 걸음 움직였습니다(D 고정): p_g는 D가 \"진짜\"라고 하는 쪽으로 움직였고 D는 그대로입니다.",
    "live.fit_d_running": "G를 고정하고 D만 학습하는 중입니다: D(x)가 D*(x) = p_data/(p_data + p_g)에 겹쳐지는 것을 "
                          "보세요.",
    "live.fit_d_done": "D가 {steps}번 업데이트한 뒤 더 나아지지 않습니다(G 고정): 이제 D는 D* 위에 있습니다.",
    "live.diverged_d_loss": "{start}단계와 {bad_step}단계 사이에서 학습이 발산했습니다: D의 손실이 NaN 또는 무한대가 "
                            "되었습니다. {step}단계로 되돌렸습니다. 이 손실 함수에 비해 학습률이 너무 큰 것 같습니다"
                            "(lr_D = {lr_d}, lr_G = {lr_g}). 학습률을 낮추고 다시 재생하세요.",
    "live.diverged_g_loss": "{start}단계와 {bad_step}단계 사이에서 학습이 발산했습니다: G의 손실이 NaN 또는 무한대가 "
                            "되었습니다. {step}단계로 되돌렸습니다. 이 손실 함수에 비해 학습률이 너무 큰 것 같습니다"
                            "(lr_D = {lr_d}, lr_G = {lr_g}). 학습률을 낮추고 다시 재생하세요.",
    "live.diverged_weights": "{start}단계와 {bad_step}단계 사이에서 학습이 발산했습니다: 신경망 가중치가 NaN 또는 "
                             "무한대가 되었습니다. {step}단계로 되돌렸습니다. 이 손실 함수에 비해 학습률이 너무 큰 것 "
                             "같습니다(lr_D = {lr_d}, lr_G = {lr_g}). 학습률을 낮추고 다시 재생하세요.",
    "live.status_running": "학습 중",
    "live.status_paused": "일시 정지",
    "live.status_fit_d": "D만 학습 중",
    "live.status_diverged": "발산, 되돌림",
    "live.status_step": "**{step}**단계",
    "live.status_rate": " · 초당 {rate}회 반복",
    "live.status_slow": "슬로 모션",
    "live.settings": "학습 설정: k = {k}, m = {m}, lr_D = {lr_d}, lr_G = {lr_g}; 프레임당 {per_frame}회 반복, "
                     "{seconds}초마다 한 프레임; {device}에서 실행",
    "beat.d": "박자: D 업데이트 {i}/{k}. D가 실제 샘플 {m}개와 G의 샘플 {m}개를 보고 V(D, G)를 올라갑니다. G는 "
              "고정되어 있습니다.",
    "beat.g": "박자: G 업데이트. 새 z {m}개가 G를 거쳐 D로 들어가고, G의 그래디언트는 고정된 D를 거쳐 거꾸로 "
              "흐릅니다. 반복 한 번이 끝났습니다.",
    "beat.next": "다음 박자: D 업데이트 1/{k}.",
    # --- end live


    # --- presets (ganviz/presets.py)
    "preset.figure1_abcd.title": "그림 1: (a)부터 (d)까지",
    "preset.figure1_abcd.caption": "논문의 설정입니다. p_g(초록)가 p_data(검정) 위로 미끄러지고 D(파랑)가 ½로 평평해지는 "
                                   "것을 보세요. 초반에 스냅숏을 찍고, (b)를 위해 'D를 최적까지 학습'을 누른 뒤 (d)까지 "
                                   "재생하면 JSD가 0으로 내려갑니다.",
    "preset.d_star.title": "D가 D*를 배운다 (G 고정)",
    "preset.d_star.caption": "200번 반복한 뒤 G를 고정하고 D만 학습합니다: 파란 점선 D(x)가 빨간 "
                             "D* = p_data/(p_data + p_g) 위로 옮겨 갑니다(명제 1).",
    "preset.saturating.title": "saturating 손실은 멈춘다",
    "preset.saturating.caption": "G가 데이터보다 2.5만큼 왼쪽에서 minimax 손실 log(1 − D(G(z)))로 시작합니다. D가 G의 "
                                 "샘플을 너무 확실하게 거부해서 G의 그래디언트가 사라지고, JSD는 log 2에 머뭅니다.",
    "preset.nonsaturating.title": "non-saturating 손실은 빠져나온다",
    "preset.nonsaturating.caption": "같은 출발점에서 non-saturating 손실 −log D(G(z))를 쓰면, D가 거부하는 바로 그곳에서 "
                                    "G가 강한 그래디언트를 받아 p_g가 데이터 위로 옮겨 갑니다.",
    "preset.diverge.title": "학습률이 너무 크면: 발산",
    "preset.diverge.caption": "학습률 1의 최소제곱 손실: 몇 번 반복하지 않아 손실이 NaN이 됩니다. ganviz는 멈추고, "
                              "마지막 정상 상태로 되돌린 뒤 이유를 알려 줍니다.",
    "preset.ring8_learns.title": "ring8을 배운다",
    "preset.ring8_learns.caption": "2차원 노이즈를 쓰는 작은 GAN이 몇천 번 반복 만에 8개 모드 모두에 샘플을 퍼뜨립니다. "
                                   "덮은 모드 수 그래프가 올라가는 것을 보세요.",
    "preset.ring8_collapses.title": "ring8이 붕괴한다",
    "preset.ring8_collapses.caption": "G가 D보다 50배 빨리 배우면(lr_G 1e-3, lr_D 2e-5) 샘플을 한 덩어리로 몰아넣습니다: "
                                      "덮은 모드 수가 8개 중 0개 근처에 머뭅니다. 모드 붕괴 페이지에서 해결책을 나란히 "
                                      "볼 수 있습니다.",
    "preset.curve.title": "1차원 노이즈는 곡선을 그린다",
    "preset.curve.caption": "z가 1차원이면 G는 평면 위에 곡선 하나만 그릴 수 있습니다: 모드들을 실처럼 꿰면서 그 사이에도 "
                            "샘플을 남깁니다.",
    # --- end presets


    # --- metrics (the numbers above the live figures)
    "metric.step": "단계",
    "metric.step_help": "지금까지 실행한 알고리즘 1 반복 횟수(G 업데이트 횟수).",
    "metric.jsd_help": "단위는 nat. p_g = p_data이면 0이고, 최대 log 2 ≈ 0.693입니다.",
    "metric.criterion_help": "최솟값 −log 4 ≈ −1.386은 p_g = p_data라는 뜻입니다.",
    "metric.d_real": "실제 데이터에 대한 D",
    "metric.d_real_help": "p_data에 대한 D(x)의 기댓값: 실제 샘플에 대한 D의 평균 판정.",
    "metric.d_fake": "가짜에 대한 D",
    "metric.d_fake_help": "p_g에 대한 D(x)의 기댓값: 생성된 샘플에 대한 D의 평균 판정.",
    # --- end metrics


    # --- figures (ganviz/figures.py)
    "fig.p_data": "p_data (데이터)",
    "fig.p_g": "p_g (생성자)",
    "fig.p_g_peak": "p_g의 최댓값 {peak} ↑",
    "fig.density_axis": "밀도 / D(x)",
    "fig.d_loss": "D 손실",
    "fig.g_loss": "G 손실",
    "fig.jsd_title": "JSD(p_data ‖ p_g), nat",
    "fig.value_title": "V(D, G)와 C(G)",
    "fig.losses_title": "손실",
    "fig.step": "단계",
    # --- end figures


    # --- home (pages/home.py)
    "home.title": "ganviz: GAN이 배우는 모습을 보자",
    "home.intro": "생성적 적대 신경망(Goodfellow et al., 2014)은 두 신경망을 서로 겨루게 하며 학습합니다. **생성자** "
                  "G는 노이즈 z ~ p_z를 샘플 x = G(z)로 바꾸고, 그 분포가 p_g입니다. **판별자** D(x)는 x가 G가 아니라 "
                  "데이터에서 왔을 확률을 추정합니다. 둘은 다음 가치 함수로 2인 미니맥스 게임을 합니다.",
    "home.algorithm": "**알고리즘 1**은 둘을 번갈아 학습합니다. 반복마다 D를 **k**번, 매번 실제 샘플 m개와 생성된 샘플 "
                      "m개의 새 미니배치로 V를 올라가도록 업데이트하고, 그다음 G를 새 노이즈 샘플 m개로 V를 내려가도록 "
                      "한 번 업데이트합니다(실제로는 G가 log D(G(z))를 최대화합니다: *non-saturating* 손실).",
    "home.d_star": "G가 고정되어 있을 때 가장 좋은 판별자(명제 1)는",
    "home.criterion": "이고, 이를 대입하면 생성자의 기준(정리 1)이 나옵니다.",
    "home.minimum": "Jensen-Shannon 발산은 p_g = p_data일 때만 0이므로, 게임의 전역 최솟값 C(G) = −log 4는 생성자가 "
                    "데이터를 그대로 재현할 때 정확히 도달하며, 그때 D* = 1/2가 모든 곳에서 성립합니다.",
    "home.link_figure1": "그림 1: 논문처럼 그린, 실시간으로 배우는 1D GAN",
    "home.link_two_d": "2D: GAN이 ring8, grid25, 나선, 직접 그린 점을 배우는 모습과 D의 지형, G의 다양체",
    "home.link_mode_collapse": "모드 붕괴: 기본 GAN과 해결책을 나란히, 각각이 덮는 모드와 함께",
    "home.link_theory": "이론: 명제 1, 정리 1, non-saturating 손실을 슬라이더로 직접 만져 보기",
    "home.link_mnist": "MNIST: 미리 학습한 생성자, 논문의 그림 2와 3, 표 1",
    "home.languages": "사이드바 맨 위의 스위치로 언어를 바꿉니다(English / 한국어). 발표 모드는 프로젝터에 맞게 모든 것을 "
                      "크게 보여 줍니다.",
    # --- end home


    # --- figure1 (pages/figure1.py)
    "figure1.title": "그림 1, 실시간",
    "figure1.caption": "데이터 밀도 p_data(검정 점선), 생성자의 밀도 p_g(초록 실선), 판별자 D(x)(파랑 파선). 아래는 z와 "
                       "x의 직선입니다: 화살표마다 고르게 놓인 z를 G(z)로 보내므로, G가 균등 노이즈를 p_g로 "
                       "압축하고 늘리는 모습이 보입니다.",
    "figure1.d_star": "최적 판별자 D*(x) = p_data(x) / (p_data(x) + p_g(x)) 겹쳐 보기",
    "figure1.d_star_help": "D*는 지금의 G에 대해 가능한 가장 좋은 D입니다(명제 1). 두 밀도 중 하나라도 질량이 있는 곳에 "
                           "빨간 일점쇄선으로 그립니다.",
    "figure1.critic": "이 손실에서 D는 확률이 아니라 critic입니다: 파란 곡선은 σ(critic(x))입니다.",
    "figure1.explain": "Goodfellow et al. (2014)의 그림 1을 실시간으로 계산한 것입니다. D는 p_data의 샘플과 p_g의 샘플을 "
                       "구별하도록, G는 D를 속이도록 학습합니다. 수렴 근처에서: (a) D는 부분적으로 정확합니다. (b) D만 "
                       "학습하면 D*로 수렴합니다. (c) G를 업데이트하면 D의 그래디언트가 G(z)를 데이터로 분류될 "
                       "가능성이 더 높은 곳으로 이끕니다. (d) 충분히 학습하면 p_g = p_data이고 모든 곳에서 "
                       "D(x) = 1/2입니다.",
    "figure1.explain_pg": "**p_g를 계산하는 방법.** 무작위 샘플에서 구하지 않습니다. 확률이 같은 z 8,192개(p_z의 분위수)에서 "
                          "G를 계산하고, 각각이 확률 1/8,192를 가지며 그 질량을 이웃한 출력 사이에 고르게 나눕니다. 격자 "
                          "한 칸의 폭만큼을 빼면 샘플링 노이즈 없는 G의 정확한 밀도이므로, 보이는 JSD는 생성자 자체의 "
                          "JSD입니다.",
    "figure1.explain_try": "해 보기: 재생을 누르고 p_g가 p_data로 옮겨 가는 것을 보세요. 일시 정지하고 *D를 최적까지 "
                           "학습*을 눌러 D가 D*에 자리 잡는 것을 보세요. 중간중간 스냅숏을 찍어 패널 (a)-(d)를 다시 "
                           "만들어 보세요. 슬로 모션을 켜거나 *D 한 걸음*, *G 한 걸음*을 눌러 두 선수를 연기해 보세요.",
    # --- end figure1


    # --- two_d (pages/two_d.py, ganviz/ui/custom.py, ganviz/figures2d.py)
    # --- end two_d


    # --- mode_collapse (pages/mode_collapse.py, ganviz/figures_modes.py, ganviz/published.py)
    # --- end mode_collapse


    # --- theory (pages/theory.py, ganviz/theory_figures.py)
    "theory.title": "이론을 숫자로",
    "theory.caption": "Goodfellow et al. (2014)의 명제 1, 정리 1, 그리고 포화되는(saturating) 손실을 하나씩 직접 "
                      "만져 봅니다. p_data와 p_g(왼쪽)는 정확한 밀도입니다: 일부러 학습시키는 곳을 빼면 여러분과 "
                      "수학 사이에 신경망이 끼어들지 않습니다.",
    "theory.sidebar_header": "p_data와 p_g",
    "theory.sidebar_caption": "명제 1과 정리 1에서 씁니다.",
    "theory.copy": "p_g를 p_data와 같게 만들기",
    "theory.copy_help": "정리 1의 최솟값: 이때 모든 곳에서 D* = 1/2이고 C(G) = −log 4입니다.",
    "theory.tab_prop1": "명제 1: 가장 좋은 D",
    "theory.tab_thm1": "정리 1: C(G)의 최솟값",
    "theory.tab_saturation": "G가 non-saturating 손실을 쓰는 이유",
    "theory.candidate": "후보 D",
    "theory.candidate_sigmoid": "시그모이드",
    "theory.candidate_blend": "D*와 ½을 섞은 것",
    "theory.candidate_help": "값이 (0, 1) 안에 있는 함수는 모두 판별자입니다. D*를 이겨 보세요.",
    "theory.centre": "중심 c",
    "theory.centre_help": "후보가 ½이 되는 위치.",
    "theory.slope": "기울기 a",
    "theory.slope_help": "얼마나 가파르게 바뀌는지. 음수면 방향이 뒤집히고, 0이면 모든 곳에서 D = ½입니다.",
    "theory.blend": "섞는 비율 t",
    "theory.blend_help": "D = (1 − t)·D* + t·½: t = 0이면 D* 자체, t = 1이면 아무것도 모르는 D = ½입니다.",
    "theory.candidate_sigmoid_label": "후보 D = σ({slope}·(x − {centre}))",
    "theory.candidate_blend_label": "후보 D = (1 − {blend})·D* + {blend}·½",
    "theory.v_star_help": "이 p_g에 맞서 어떤 D든 낼 수 있는 최선의 값.",
    "theory.v_candidate": "후보의 V(D, G)",
    "theory.v_candidate_help": "4,000칸 격자에서 적분한 값. V(D*, G)보다 커지는 일은 없습니다.",
    "theory.v_below": "{gap} (D* 대비)",
    "theory.v_minus_inf": "−∞: 데이터가 있는 곳에서 D가 0 또는 1입니다",
    "theory.why_d_star": "D\\*가 이기는 이유: 각 x에서 a = p_data(x), b = p_g(x)라 하면 y ↦ a·log y + b·log(1 − y)는 "
                         "y = a/(a + b)에서 가장 큽니다. 아래 그래프의 파란 띠는 후보가 각 x에서 잃는 양입니다. "
                         "이 값은 결코 0보다 작지 않으므로 적분한 V도 D\\*를 이길 수 없습니다.",
    "theory.fit_header": "신경망이 D*를 찾게 하기",
    "theory.fit_caption": "작은 판별자(ReLU 32개짜리 은닉층 2개, Adam)가 p_data와 p_g의 미니배치를 보며 로그 손실을 "
                          "최소화합니다. 즉 V를 올라갑니다. 공식을 전혀 알려 주지 않았는데도 D*로 수렴합니다.",
    "theory.fit_play": "D 학습",
    "theory.fit_play_help": "고정된 p_g에 맞서 신경망 D를 학습하고, 배우는 동안 다시 그립니다.",
    "theory.fit_reset_help": "아직 학습하지 않은 새 신경망으로.",
    "theory.fit_done": "D가 {steps}단계 뒤로 더 나아지지 않았습니다: 이제 곡선이 D* 위에 놓여 있습니다.",
    "theory.fit_diverged": "판별자의 손실이 NaN 또는 무한대가 되었습니다: 초기화하고 다시 해 보세요.",
    "theory.d_steps": "D 업데이트 횟수",
    "theory.d_steps_help": "지금까지 신경망 D를 업데이트한 횟수(Adam, 업데이트마다 각 밀도에서 뽑은 미니배치 하나씩).",
    "theory.gap": "평균 |D − D*|",
    "theory.gap_help": "(p_data + p_g)/2에 대해 평균한 값.",
    "theory.v_network": "신경망의 V(D, G)",
    "theory.v_network_help": "신경망 D의 V를 같은 격자에서 적분한 값: V(D*, G)를 향해 올라갑니다.",
    "theory.network_d": "신경망 D",
    "theory.v_plug": "V(D*, G): D*를 V에 대입해 적분",
    "theory.v_plug_help": "4,000칸에 걸친 p_data·log D* + p_g·log(1 − D*)의 합.",
    "theory.jsd_nats": "JSD = {jsd} nat.",
    "theory.difference": "차이",
    "theory.difference_help": "두 값이 반올림 오차 안에서 같습니다: 격자 위에서 정리 1이 성립합니다.",
    "theory.jsd_sum": "JSD = (두 KL의 합)/2",
    "theory.jsd_sum_help": "단위는 nat. 0 ≤ JSD ≤ log 2 ≈ 0.693.",
    "theory.global_minimum": "p_g = p_data: 모든 곳에서 D* = ½, JSD = 0, C(G) = −log 4로 전역 최솟값입니다.",
    "theory.lowest_c": "p_g를 옮겨 본 범위에서 가장 낮은 C(G): {c}. p_g가 p_data와 위치뿐 아니라 모양까지 같아야 "
                       "−log 4 ≈ −1.3863에 도달합니다: 사이드바의 *p_g를 p_data와 같게 만들기*를 눌러 보세요.",
    "theory.saturation_intro": "학습 초기에는 D가 가짜를 쉽게 가려내므로 **D(G(z)) ≈ 0**입니다. 거기서 minimax 목적 "
                               "함수 log(1 − D(G(z)))는 평평해서 그래디언트가 사라집니다. −log D(G(z))는 고정점이 "
                               "같으면서 그래디언트는 강합니다. 논문: *“Early in learning, when G is poor, D can "
                               "reject samples with high confidence … log(1 − D(G(z))) saturates.”* (학습 초기에 G가 "
                               "서툴면 D는 높은 확신으로 샘플을 거부할 수 있고 … log(1 − D(G(z)))는 포화됩니다.)",
    "theory.experiment": "**실험.** 같은 1D GAN을 같은 시드로, 설정 하나만 빼고 모두 똑같이 두 번 나란히 학습합니다. "
                         "생성자는 데이터보다 한참 왼쪽에서 출발합니다. 손실(minimax 대 non-saturating)이나 k(G 한 "
                         "번당 D 업데이트 횟수)를 비교해 보세요. 아래 두 프리셋은 측정해 둔 설정이며, 누르면 두 "
                         "실행을 0단계부터 시작해 재생합니다.",
    "theory.race_preset.loss.title": "minimax 대 non-saturating",
    "theory.race_preset.loss.caption": "G는 데이터보다 2.5만큼 왼쪽에서 출발하고, k = 3, 시드 1이며 손실만 "
                                       "다릅니다. minimax 실행은 4,000단계 내내 JSD = log 2에 멈춰 있습니다(시험한 "
                                       "시드 0~5 모두 그랬습니다): D가 가짜를 거부해서 G의 그래디언트 D(G(z))가 "
                                       "사라지기 때문입니다. 같은 가중치에서 출발한 non-saturating 실행은 600단계 "
                                       "안에 JSD 0.3 아래로 내려갑니다(이 시드에서는 0.13).",
    "theory.race_preset.k.title": "k = 1 대 k = 5",
    "theory.race_preset.k.caption": "minimax 손실, G는 데이터보다 2만큼 왼쪽에서 출발, 시드 2이며 k만 다릅니다. "
                                    "k = 1이면 D가 가짜를 모두 거부하지 못해 G에 그래디언트가 남고, JSD는 100단계 "
                                    "만에 log 2에서 0.20으로 내려갑니다(1,000단계에서 0.16). k = 5이면 D가 가짜를 "
                                    "모두 거부하고(50단계부터 D(G(z))가 0.001 미만) G의 그래디언트가 사라져, JSD는 "
                                    "4,000단계 내내 log 2 = 0.693에 머뭅니다. 시드 0~4의 1,000단계 값: k = 5는 매번 "
                                    "0.693, k = 1은 0.11에서 0.44 사이입니다.",
    "theory.compare": "비교할 것",
    "theory.compare_loss": "손실: minimax 대 non-saturating",
    "theory.compare_k": "k: 1 대 5",
    "theory.compare_help": "두 실행 사이에서 다른 것. 시드를 포함해 나머지는 모두 같습니다.",
    "theory.offset": "G의 시작 위치 이동",
    "theory.offset_help": "신경망을 만들 때 G의 출력에 더하는 값. p_data는 N(2, 0.5²)입니다.",
    "theory.k": "k: G 한 번당 D 업데이트 횟수",
    "theory.k_help": "D가 강할수록(k가 클수록) 가짜를 더 빨리 거부하고, 바로 그때 minimax가 포화됩니다.",
    "theory.race_loss": "두 실행의 손실",
    "theory.race_loss_help": "k를 비교할 때는 두 실행 모두 이 손실을 씁니다. minimax에서는 더 강한 D(k = 5)가 G의 "
                             "그래디언트를 없앨 수 있습니다.",
    "theory.lr": "학습률 (둘 다, SGD)",
    "theory.lr_help": "모멘텀 0.5의 SGD이며 D와 G의 학습률이 같습니다. 너무 크면 발산합니다(그러면 되돌리고 "
                      "알려 줍니다).",
    "theory.seed": "시드",
    "theory.seed_help": "두 실행 모두 이 시드를 씁니다: 같은 가중치에서 출발합니다.",
    "theory.race_play_help": "두 실행을 함께 학습합니다. 프레임마다 각각 알고리즘 1을 15번 반복합니다.",
    "theory.race_reset_help": "두 실행 모두 같은 시드로 0단계로 되돌립니다.",
    "theory.run_minimax": "minimax",
    "theory.run_nonsaturating": "non-saturating",
    "theory.run_title_minimax": "minimax: G가 log(1 − D(G(z)))를 최소화",
    "theory.run_title_nonsaturating": "non-saturating: G가 −log D(G(z))를 최소화",
    "theory.run_title_k": "k = {k}: G 한 번당 D {k}번 · {loss} 손실",
    "theory.race_jsd_help": "log 2 ≈ 0.693이면 p_g와 p_data가 전혀 겹치지 않는다는 뜻입니다.",
    "theory.grad_size": "G의 그래디언트 크기",
    "theory.grad_size_help": "p_g에 대한 |∂ 목적 함수 / ∂ 로짓|의 평균: minimax는 D(G(z)), non-saturating은 "
                             "1 − D(G(z)).",
    "theory.fig_integrand_title": "각 x에서 V의 피적분 함수: p_data·log D + p_g·log(1 − D)",
    "theory.fig_with_d_star": "D*일 때",
    "theory.fig_with_d": "D일 때: D* 대비 손실",
    "theory.fig_integrand": "피적분 함수",
    "theory.fig_now": "현재",
    "theory.fig_disjoint": "0 (겹치지 않음: JSD = log 2)",
    "theory.fig_data_mean": "p_data의 평균",
    "theory.fig_pg_now": "현재 p_g",
    "theory.fig_g_mean": "p_g의 평균",
    "theory.fig_obj_minimax": "minimax: log(1 − D(G(z)))",
    "theory.fig_obj_nonsaturating": "non-saturating: −log D(G(z))",
    "theory.fig_early": "← 학습 초기:<br>D가 가짜를 거부",
    "theory.fig_objective_axis": "G의 목적 함수 (최소화)",
    "theory.fig_gradient_axis": "그래디언트 크기 |∂/∂ 로짓|",
    "theory.fig_run_now": "지금의 {run} 실행",
    "theory.fig_nothing_learned": "log 2: 아무것도 배우지 못함",
    "theory.fig_jsd_axis": "JSD (nat)",
    "theory.explain": "- **명제 1**: 생성자가 고정되어 있을 때 가장 좋은 판별자는 D* = p_data/(p_data + p_g)입니다. "
                      "후보 D를 움직이면서 V(D, G)가 V(D*, G) 아래에 머무는 것을 보고, 신경망을 학습시켜 스스로 "
                      "D\\*를 찾는 것을 보세요.\n"
                      "- **정리 1**: D\\*를 V에 대입하면 가상 학습 기준 C(G) = −log 4 + 2·JSD가 나옵니다. 여기서는 "
                      "같은 격자에서 두 가지 방법으로 계산하며, 자릿수까지 일치합니다. 최솟값 −log 4는 "
                      "p_g = p_data일 때만 도달하고, 그때 D* = ½입니다: 판별자는 동전 던지기보다 나을 수 "
                      "없습니다.\n"
                      "- **non-saturating 손실**: minimax 게임에서 G의 그래디언트는 D(G(z))에 비례하므로, D가 "
                      "가짜를 확신할 때 거의 0이 됩니다. 대신 log D(G(z))를 최대화하면 고정점은 같으면서 초반에 "
                      "강한 그래디언트를 얻습니다: 논문의 3절. k 비교는 같은 현상을 D 쪽에서 보여 줍니다: minimax "
                      "손실에서 더 강한 D(k = 5)는 가짜를 더 빨리 거부해 G의 그래디언트를 없애고, k = 1이면 G에 "
                      "그래디언트가 남아 학습합니다.\n\n"
                      "모든 적분은 각 성분 둘레로 표준편차 8배를 덮는 같은 크기의 칸 4,000개에 대한 합이므로, "
                      "바깥에 남는 질량은 10⁻¹⁴ 미만입니다.",
    # --- end theory


    # --- mnist (pages/mnist.py, ganviz/ui/mnist.py)
    # --- end mnist
}

"""한국어: the Korean catalogue. The same keys and {fields} as en.py (tests check it); notation stays as it is."""

NAME = "한국어"

STRINGS = {
    # --- app (navigation.py, ganviz/ui/__init__.py, ganviz/ui/sessions.py)
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
    "app.unexpected": "이 페이지에서 예상하지 못한 오류가 났습니다. 다시 해 보거나 페이지를 새로 고치세요. "
                      "또 일어나면 담당 교수님께 알려 주세요 (자세한 내용은 서버 로그에 남아 있습니다).",
    "controls.from_file": "불러온 파일의 값을 저장된 그대로 씁니다: {fields}.",
    "controls.from_preset": "프리셋이 함께 정한 값(여기에 조절기 없음): {fields}.",
    "controls.from_page": "이 페이지의 학습이 함께 정한 값(여기에 조절기 없음): {fields}.",
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


    # --- live (ganviz/ui/live.py)
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
    "live.fit_d_help": "G를 고정하고 D가 D*에 가까워지거나 더 가까워지지 않을 때까지(최대 10초) D만 학습합니다: "
                       "D가 D*에 다가갑니다(패널 (b)). p_data + p_g가 거의 0인 곳에서는 D가 자유롭습니다.",
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
                          "보세요. p_data + p_g로 가중한 |D - D*|의 평균: {residual}.",
    "live.fit_d_done": "D가 {steps}번 업데이트한 뒤(G 고정) D*에 가까워졌습니다: p_data + p_g로 가중한 |D - D*|의 "
                       "평균이 {residual}입니다. p_data와 p_g 모두 질량이 없는 곳에서는 D가 정해지지 않습니다: 거기서는 D가 어떤 값이어도 V(D, G)가 그대로라서 D*도 그리지 않습니다.",
    "live.fit_d_not_close": "D가 {steps}번 업데이트한 뒤(G 고정) D*에 더 가까워지지 않습니다: p_data + p_g로 가중한 "
                            "|D - D*|의 평균이 아직 {residual}입니다. 계속하려면 다시 누르세요.",
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
    "live.status_rate_each": " · 실행마다 초당 {rate}회 반복",
    "live.status_slow": "슬로 모션",
    "live.settings": "학습 설정: k = {k}, m = {m}, lr_D = {lr_d}, lr_G = {lr_g}; 프레임당 {per_frame}회 반복, "
                     "{seconds}초마다 한 프레임; {device}에서 실행",
    "live.stream_settings": "학습 설정: k = {k}, m = {m}, lr_D = {lr_d}, lr_G = {lr_g}; 프레임당 최대 {per_frame}회 "
                            "반복; {device}에서 실행",
    "live.worker_failed": "예기치 않은 오류({error})로 학습이 멈췄습니다. 실행은 일시 정지되었고, 자세한 내용은 서버 "
                          "로그에 있습니다.",
    "live.lessons": "수업 예제",
    "live.lessons_help": "이 페이지의 준비된 실험(프리셋)과 미리 학습해 둔 모델에서 시작하기.",
    "live.view": "보기",
    "live.view_help": "그림에 무엇을 보일지: 최적 판별자 D*, 모델 도식, 궤적.",
    "live.device_measured": " (이 크기에서 더 빨리 학습해서 골랐습니다: {rates})",
    "live.device_rate": "{device} 초당 {rate}회",
    "beat.d": "박자: D 업데이트 {i}/{k}. D가 실제 샘플 {m}개와 G의 샘플 {m}개를 보고 V(D, G)를 올라갑니다. G는 "
              "고정되어 있습니다.",
    "beat.g": "박자: G 업데이트. 새 z {m}개가 G를 거쳐 D로 들어가고, G의 그래디언트는 고정된 D를 거쳐 거꾸로 "
              "흐릅니다. 반복 한 번이 끝났습니다.",
    "beat.next": "다음 박자: D 업데이트 1/{k}.",
    # --- end live


    # --- replay (ganviz/ui/replay.py, ganviz/views/replay.py)
    "replay.title": "타임라인, 다시 보기, 내보내기",
    "replay.empty": "아직 기록된 것이 없습니다: 재생을 누르면 보는 프레임이 여기에 저장되어 다시 볼 수 있습니다.",
    "replay.timeline": "타임라인",
    "replay.timeline_help": "재생하는 동안 기록한 프레임 {n}개(전체 학습에 걸쳐 고르게)를 거슬러 올라가며 봅니다.",
    "replay.at_step": "{step}단계",
    "replay.prefix": "다시 보기: ",
    "replay.animate": "브라우저에서 다시 보기",
    "replay.animate_help": "기록한 프레임을 브라우저가 스스로 재생하는 애니메이션으로 보여 줍니다. 자체 재생 버튼과 "
                           "슬라이더가 있어 서버가 느려도 부드럽습니다.",
    "replay.html": "애니메이션 (HTML)",
    "replay.html_help": "다시 보기를 담은 독립 HTML 파일 하나: 인터넷 없이 어느 브라우저에서나 열리므로 발표 자료용입니다.",
    "replay.csv": "지표 (CSV)",
    "replay.csv_help": "기록된 모든 지표 행(단계, JSD, V, C(G), 손실, ...)을 CSV로 받습니다.",
    "replay.gif": "움직이는 GIF",
    "replay.gif_help": "기록한 프레임을 움직이는 GIF로: 이미지만 넣을 수 있는 발표 자료용입니다.",
    "replay.mp4": "동영상 (MP4)",
    "replay.mp4_help": "기록한 프레임을 MP4 동영상으로 받습니다.",
    # --- end replay


    # --- runfile (ganviz/ui/runfile.py)
    "runfile.save": "이 학습 저장",
    "runfile.save_help": "가중치, 옵티마이저 상태, 설정, 시드, 난수 상태, 지표를 파일 하나에 담습니다. 나중에 여기서, 또는 "
                         "`python -m ganviz train --resume`으로 불러오면 멈춘 곳에서 그대로 이어집니다.",
    "runfile.load": "저장한 학습 불러오기 (최대 {limit} MB)",
    "runfile.load_help": "이 페이지에서 저장한 .ganviz 파일. 그런 파일이 아니거나 이 페이지에 맞지 않으면 이유와 함께 "
                         "거부하고, 지금의 학습은 그대로 둡니다.",
    "runfile.loaded": "{name}을(를) 불러왔습니다: 저장한 그대로 {step}단계부터 이어집니다.",
    "runfile.refused": "{name}을(를) 불러오지 않았습니다: {reason} 지금의 학습은 그대로입니다.",
    "runfile.too_big": "{name}을(를) 불러오지 않았습니다: 파일이 {size}바이트인데, 저장한 학습 파일은 최대 {limit}바이트"
                       "({limit_mb} MB)까지만 불러올 수 있습니다. 지금의 학습은 그대로입니다.",
    "runfile.wrong_page": "{name}을(를) 불러오지 않았습니다: 이 페이지가 학습하지 않는 목표 분포 \"{dist}\"의 학습입니다"
                          "(직접 찍은 점으로 한 학습은 `python -m ganviz train --resume`으로 불러옵니다). 지금의 학습은 "
                          "그대로입니다.",
    "runfile.not_on_sidebar": "{name}을(를) 불러오지 않았습니다: 그 설정({fields})은 이 페이지의 조작 항목에 없습니다. "
                              "`python -m ganviz train --resume`으로 이어 가세요. 지금의 학습은 그대로입니다.",
    # --- end runfile


    # --- diagram (ganviz/views/diagram.py: the model diagram of Algorithm 1)
    "diagram.toggle": "모델 다이어그램",
    "diagram.toggle_help": "알고리즘 1을 그래프로 그린 것입니다. 샘플은 직선 화살표를 따라 앞으로, 그래디언트는 곡선 "
                           "화살표를 따라 거꾸로 흐릅니다. 슬로 모션에서는 항상 보이고, 박자마다 그 박자가 쓰는 "
                           "부분에 불이 들어옵니다.",
    "diagram.z": "노이즈 z\n~ p_z",
    "diagram.G": "G",
    "diagram.fake": "가짜 x = G(z)\n~ p_g",
    "diagram.real": "진짜 x\n~ p_data",
    "diagram.D": "D",
    "diagram.Dx": "D(x)",
    "diagram.d_loss": "D의 손실",
    "diagram.g_loss": "G의 손실",
    "diagram.grad_d": "D의 그래디언트가 D를 업데이트",
    "diagram.grad_g": "G의 그래디언트가 D를 거쳐 G로",
    "diagram.updated": "업데이트",
    "diagram.fixed": "고정",
    "diagram.caption_d": "D의 차례: D가 진짜 배치와 가짜 배치를 봅니다. D의 그래디언트가 D를 업데이트하고, G는 "
                         "고정되어 있습니다.",
    "diagram.caption_g": "G의 차례: 새 가짜 배치가 D를 거칩니다. G의 그래디언트가 고정된 D를 거쳐 거꾸로 흘러 G를 "
                         "업데이트합니다.",
    "diagram.caption_idle": "샘플은 직선 화살표를 따라 앞으로, 그래디언트는 곡선 화살표를 따라 거꾸로 흐릅니다. "
                            "슬로 모션에서는 박자마다 쓰이는 부분에 불이 들어옵니다: D 업데이트 k번, 그다음 G "
                            "업데이트 한 번.",
    # --- end diagram


    # --- tracking (trails of tracked samples, the noise-to-manifold morph)
    "tracking.trails": "자취",
    "tracking.trails_help_2d": "G의 초록 점 {n}개(프레임마다 같은 노이즈 z)에 대해, 각 점이 지난 {frames}프레임 동안 "
                               "지나온 자리를 잇는 진한 선을 그립니다. 선은 지금의 점에서 끝납니다. 학습이 G의 "
                               "샘플을 어느 쪽으로, 얼마나 빠르게 옮기는지 보여 줍니다.",
    "tracking.trails_help_1d": "화살표 x = G(z)의 끝(프레임마다 같은 z)마다, 지난 {frames}프레임 동안 머물렀던 자리를 "
                               "x 선 위에 초록 띠로 그립니다. 학습이 G의 출력을 어느 쪽으로, 얼마나 빠르게 옮기는지 "
                               "보여 줍니다.",
    "tracking.fig.trails": "따라가는 점 {n}개의 자취",
    "tracking.morph": "G가 z를 x로 보내는 모습 보기",
    "tracking.morph_help": "노이즈 z의 격자를 G의 다양체로 옮겨 가는 애니메이션으로, 브라우저에서 재생됩니다. 격자의 "
                           "각 점이 z에서 G(z)까지 직선으로 움직입니다. 지금의 G를 씁니다. 나중의 G를 보려면 껐다가 "
                           "다시 켜세요.",
    "tracking.morph.caption": "{step}단계의 G. t일 때 격자의 각 점은 (1 − t)·z + t·G(z)에 있습니다: t = 0은 노이즈 "
                              "격자, t = 1은 위 그림에 그려진 G의 다양체입니다. ▶를 누르거나 슬라이더를 끌어 보세요.",
    "tracking.morph.high_dim": "z의 좌표는 {z_dim}개입니다: 격자는 처음 두 좌표만 바꾸고 나머지는 0으로 두며, 그림은 "
                               "z를 처음 두 좌표로 그립니다.",
    "tracking.morph.one_dim": "z는 수 하나입니다: 그 격자는 선 하나뿐이라, 여기서는 가로축을 따라 그립니다.",
    "tracking.morph.title": "노이즈에서 G의 다양체로: (1 − t)·z + t·G(z)",
    "tracking.morph.family": "z{axis} 방향 격자선",
    "tracking.morph.forward": "▶ z → G(z)",
    "tracking.morph.backward": "◀ G(z) → z",
    # --- end tracking


    # --- checkpoints (instant starts: shipped converged and collapsed runs)
    "checkpoints.label": "학습된 모델에서 시작하기",
    "checkpoints.help": "이 목표 분포로 미리 학습해 둔 GAN이 ganviz에 들어 있습니다. 불러오면 지금의 학습을 대신하고 "
                        "조작 항목이 그 설정으로 바뀌며, 일시 정지 상태로 시작합니다. 재생을 누르면 거기서부터 이어서 "
                        "학습합니다. 그 뒤에 목표 분포, 손실 함수, 신경망을 바꾸면 새 모델로 처음부터 시작합니다.",
    "checkpoints.kind.converged": "수렴: G가 목표 분포를 배웠습니다",
    "checkpoints.kind.collapsed": "붕괴: G가 모드 하나에 갇혔습니다",
    "checkpoints.load": "불러오기",
    "checkpoints.load_help": "왼쪽에서 고른 학습된 모델을 일시 정지 상태로 불러옵니다.",
    "checkpoints.kind_name.converged": "수렴한",
    "checkpoints.kind_name.collapsed": "모드 붕괴된",
    "checkpoints.loaded": "학습된 모델: “{target}”에서 {step}번 반복 학습한, {kind} GAN입니다. JSD {jsd}.",
    "checkpoints.loaded_modes": "덮은 모드 수: {n}개 중 {modes}개, 고품질 샘플: {hq}%.",
    "checkpoints.loaded_mass": "두 모드에 놓인 G의 질량: {left}%와 {right}%.",
    "checkpoints.loaded_then": "일시 정지 중입니다. 재생을 누르면 여기서부터 이어서 학습합니다.",
    "checkpoints.started_from": "학습된 모델에서 시작했습니다: “{target}”에서 {step}번 학습한 {kind} GAN입니다. 이 학습은 그 뒤로 계속되었습니다.",
    "checkpoints.refused": "학습된 모델을 불러오지 않았습니다: {reason}. 지금의 학습은 그대로입니다.",
    "checkpoints.unavailable": "시작할 학습된 모델이 없습니다: {reason}.",
    # --- end checkpoints


    # --- drawing (drawing a 2D target by dragging or touch)
    "drawing.expander": "나만의 목표 분포: 직접 그리거나, 점을 클릭하거나 올가미로 고르거나, CSV를 올리세요",
    "drawing.tab": "마우스나 손가락으로 그리기",
    "drawing.click_tab": "클릭이나 올가미",
    "drawing.how": "**{points}.** 마우스, 펜, 손가락으로 끌어서 그리세요. 얼마나 빨리 그리든 선을 따라 {spacing} "
                   "간격마다 점이 하나씩 추가되고, 톡 누르면 점 하나가 추가됩니다. 되돌리기를 누르면 마지막 선이 지워집니다.",
    "drawing.hint": "여기에 그리세요",
    "drawing.label": "그림판: 끌어서 목표 분포를 그리세요",
    "drawing.undo_help": "마지막에 그린 선, 올가미, 클릭을 되돌립니다(파일이나 웃는 얼굴 뒤라면 마지막 점 하나).",
    "drawing.refused": "그 선은 추가하지 않았습니다: {reason}. 이전 점들은 그대로 남습니다.",
    # refusals of strokes, said by ganviz.ui.custom.refusal (which looks up two_d.bad.<reason>)
    "two_d.bad.no_stroke": "그린 선이 없습니다",
    "two_d.bad.too_many_positions": "한 번에 {count}가 왔습니다. 최대 {limit}개까지 받습니다",
    "two_d.bad.outside_window": "{index}번째 위치가 그림판 영역 [{low}, {high}] 밖에 있습니다",
    # --- end drawing


    # --- presets (ganviz/lessons/presets.py)
    "preset.figure1_abcd.title": "그림 1: (a)부터 (d)까지",
    "preset.figure1_abcd.caption": "p_g(초록)가 p_data(검정) 위로 미끄러지고 D(파랑)가 ½로 평평해진 뒤 (d)처럼 "
                                   "그대로 머무르는 것을 보세요: 시드 0-4에서 3,000번째 반복부터 JSD가 0.01 이하이고, "
                                   "끝에서 D는 데이터 위에서 ½에서 0.05 이내입니다. 필요한 것: 논문의 minimax 손실, "
                                   "D가 G보다 열 배 빠른 Adam과 k = 3, 층화 추출한 1,024개짜리 미니배치(매 배치에 "
                                   "p_data와 z의 모든 구간이 들어가 D가 매번 꼬리를 봅니다), 표준화된 x를 보는 D, "
                                   "1,500-3,500번째 반복에 걸쳐 5 %까지 줄어드는 두 학습률. 초반에 스냅숏을 찍고 "
                                   "(b)를 위해 'D를 최적까지 학습'을 누르세요.",
    "preset.figure1_paper.title": "논문의 SGD로 그림 1",
    "preset.figure1_paper.caption": "논문 그대로의 설정입니다: 모멘텀 0.5의 SGD 0.05, 128개짜리 미니배치, G 한 번에 D 한 "
                                    "번, 포화하지 않는 손실. p_g는 1,500번 반복 안에 p_data 위로 미끄러지지만 자리를 "
                                    "잡지 못합니다: JSD가 약 0.03과 0.11 사이를 오가고 D도 평평하게 머물지 않습니다. "
                                    "(a)부터 (d)까지와 비교해 보세요.",
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


    # --- figures (ganviz/views/figure1.py)
    "fig.p_data": "p_data (데이터)",
    "fig.p_g": "p_g (생성자)",
    "fig.p_g_peak": "p_g의 최댓값 {peak} ↑",
    "fig.p_g_off_left": "← p_g의 {share}가 그림 왼쪽 밖에 있습니다",
    "fig.p_g_off_right": "p_g의 {share}가 그림 오른쪽 밖에 있습니다 →",
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


    # --- two_d (pages/two_d.py, ganviz/ui/custom.py, ganviz/views/figure2d.py)
    "two_d.title": "2D: GAN이 평면 위의 분포를 배운다",
    "two_d.caption": "검은 점은 실제 샘플, 초록 점은 G의 샘플입니다. 그 뒤의 배경은 D의 판정 D(x)입니다: D가 *진짜*라고 "
                     "하는 곳은 파랑, *가짜*라고 하는 곳은 빨강, ½인 곳은 흰색입니다. 회색 선은 G의 다양체입니다: z "
                     "공간의 격자를 G에 통과시킨 것이라, G가 노이즈를 어떻게 접고 늘리는지 보입니다.",
    "two_d.manifold": "G의 다양체",
    "two_d.manifold_help": "z 공간 격자의 선들을 G에 통과시킨 것: G가 노이즈를 평면 위로 어떻게 구부리는지 보여 줍니다.",
    "two_d.d_star": "D*의 등고선",
    "two_d.d_star_help": "D* = p_data/(p_data + p_g)의 0.1, 0.3, 0.5, 0.7, 0.9 등고선으로, 두 밀도 중 하나라도 질량이 "
                         "있는 곳에 그립니다. 여기서 p_g는 G의 샘플 2,500개로 추정합니다(아래 설명 참고).",
    "two_d.arrows": "G의 그래디언트 화살표",
    "two_d.arrows_help": "생성된 점 40개에 대해, G를 한 번 업데이트할 때 각 점이 밀려나는 방향(−∂ G의 손실 / ∂x)을 "
                         "그립니다. 길이는 가장 긴 화살표에 대한 상대 길이입니다.",
    "two_d.jsd": "JSD (평활화)",
    "two_d.jsd_help": "p_data와 p_g를 같은 가우시안 커널로 흐리게 한 뒤 구한 둘 사이의 JSD로, 단위는 nat입니다"
                      "(log 2 ≈ 0.693이면 전혀 겹치지 않는다는 뜻). p_g는 G의 샘플 2,500개로 추정합니다.",
    "two_d.modes": "덮은 모드 수",
    "two_d.modes_help": "고품질 샘플 가운데 적어도 하나가 어떤 모드를 가장 가까운 모드로 가지면 그 모드를 덮었다고 "
                        "봅니다(샘플 2,500개; VEEGAN/PacGAN의 평가 방식).",
    "two_d.hq": "고품질 샘플",
    "two_d.hq_help": "가장 가까운 모드의 중심에서 표준편차의 3배 안에 있는 샘플의 비율.",
    "two_d.d_real_help": "실제 샘플에 대한 D(x)의 평균.",
    "two_d.d_fake_help": "생성된 샘플에 대한 D(x)의 평균.",
    "two_d.outside": "그림 밖으로 나간 G의 샘플",
    "two_d.outside_help": "그려진 창 밖에 있는 p_g(평활화한 것)의 질량 비율. 이 질량도 JSD에 들어갑니다.",
    "two_d.critic": "이 손실에서 D는 확률이 아니라 critic입니다: 히트맵은 σ(critic(x))를 보여 줍니다.",
    "two_d.explain": "그림 1과 같은 게임을 평면에서 합니다. D는 실제 샘플에는 높은 점수를, G의 샘플에는 낮은 점수를 "
                     "주도록 학습하고, G는 D가 높은 점수를 주는 곳으로 샘플을 옮기도록 학습합니다. 히트맵은 48 × 48 "
                     "격자 위의 D(x)이고, 초록 점은 고정된 노이즈 배치 하나에 G를 적용한 것이라 프레임이 바뀌어도 같은 "
                     "점을 따라갈 수 있습니다.",
    "two_d.explain_collapse": "**모드 붕괴.** ring8과 grid25에서 G의 샘플이 닿는 모드를 세어 보세요: 샘플을 몇 개의 "
                              "모드에만 몰아넣는 생성자도, 샘플을 한 번에 하나씩만 보는 D는 속일 수 있습니다.",
    "two_d.explain_jsd": "**p_g와 JSD를 추정하는 방법.** 2D에서는 (1D에서처럼) p_g를 G로부터 정확히 계산하지 않고 G의 "
                         "샘플 2,500개로 구합니다: 샘플을 128 × 128 격자의 칸에 모은 뒤, 폭이 창의 2%인 가우시안 커널로 "
                         "흐리게 합니다. p_data도 정확한 칸별 질량에서 출발해 같은 방식으로 흐리게 하므로, 완벽한 G는 약 "
                         "0을 얻습니다(샘플링 노이즈로 약 0.004 nat까지). 둘을 흐리게 하면 서로 가까워질 수만 있으므로, "
                         "이 JSD는 실제 JSD의 하한입니다.",
    "two_d.explain_try": "해 보기: 노이즈 차원을 1로 둔 ring8(G는 모드들을 지나는 곡선 하나만 그릴 수 있습니다); k = 5와 "
                         "k = 1 비교; 최소제곱 손실; 직접 그린 점.",
    "two_d.fig.fake_tick": "0 가짜",
    "two_d.fig.real_tick": "1 진짜",
    "two_d.fig.d_star": "D* 등고선",
    "two_d.fig.manifold": "G의 다양체 (z 격자 → G)",
    "two_d.fig.stretch": "G의 칸: 진할수록 압축 (p_g가 조밀)",
    "two_d.fig.generated": "생성된 G(z)",
    "two_d.fig.real": "실제 x ~ p_data",
    "two_d.fig.manifold_short": "G의 격자",
    "two_d.fig.generated_short": "생성 샘플",
    "two_d.fig.real_short": "실제 샘플",
    "two_d.fig.arrows": "G의 그래디언트: G가 점을 옮기는 방향",
    "two_d.fig.jsd_title": "JSD, 평활화 (nat)",
    "two_d.fig.d_loss": "D의 손실",
    "two_d.fig.g_loss": "G의 손실",
    "two_d.fig.modes_title": "덮은 모드 수 / 고품질 %",
    "two_d.fig.modes": "덮은 모드 수",
    "two_d.fig.hq": "고품질 %",
    "two_d.custom.how": "**{points}.** 클릭하면 마우스 아래의 격자점이 추가되고, 올가미나 상자(그래프 도구 모음에서 "
                        "고르세요)로 고르면 그 안의 격자점이 모두 추가됩니다.",
    "two_d.custom.one_point": "점 {n}개",
    "two_d.custom.n_points": "점 {n}개",
    "two_d.custom.one_value": "값 {n}개",
    "two_d.custom.n_values": "값 {n}개",
    "two_d.custom.upload": "점 올리기 (CSV: 한 줄에 x,y 하나, 머리글 줄은 있어도 됨)",
    "two_d.custom.upload_help": "숫자 두 개로 된 행이 {min}개에서 {max}개까지, 최대 1 MB.",
    "two_d.custom.undo": "되돌리기",
    "two_d.custom.clear": "모두 지우기",
    "two_d.custom.clear_help": "점을 모두 지우고 새로 그립니다.",
    "two_d.custom.smiley": "웃는 얼굴",
    "two_d.custom.smiley_help": "예시 그림에서 다시 시작합니다.",
    "two_d.custom.kde": "목표 분포는 점들의 가우시안 커널 밀도 추정입니다: 점마다 작은 가우시안을 하나씩 놓고, 그 폭은 "
                        "이웃한 점 사이의 보통 간격입니다(최소 0.05, 최대 Scott 규칙의 값). 지금은 {h}입니다. 점을 "
                        "바꾸면 새 모델로 다시 시작합니다.",
    "two_d.custom.kde_short": "목표 분포는 점들의 가우시안 커널 밀도 추정입니다.",
    "two_d.custom.too_few": "나만의 목표 분포로 학습하려면 점을 {min}개 이상 추가하세요.",
    "two_d.custom.upload_refused": "{name} 파일은 쓰지 않았습니다: {reason}. 이전 점들은 그대로 남습니다.",
    "two_d.custom.select_refused": "그 점들은 추가하지 않았습니다: {reason}.",
    "two_d.custom.click_here": "여기를 클릭",
    "two_d.custom.your_points": "내 점",
    "two_d.bad.bandwidth": "대역폭은 양수여야 합니다(받은 값: {bandwidth})",
    "two_d.bad.not_pairs": "점은 숫자 쌍 (x, y)여야 합니다",
    "two_d.bad.shape": "점은 (x, y) 쌍으로 된 n x 2 표여야 합니다(받은 모양: {shape})",
    "two_d.bad.too_few": "{count}를 받았습니다. 적어도 {limit}개가 필요합니다",
    "two_d.bad.too_many": "{count}를 받았습니다. 최대 {limit}개까지 허용됩니다",
    "two_d.bad.not_finite_point": "{index}번째 점이 유한한 숫자 쌍이 아닙니다",
    "two_d.bad.far_point": "{index}번째 점이 원점에서 {limit}보다 멀리 있습니다",
    "two_d.bad.file_too_big": "파일 크기가 {size}바이트입니다. 최대 {limit}바이트까지 허용됩니다",
    "two_d.bad.not_utf8": "파일이 UTF-8 텍스트가 아닙니다({byte}번째 바이트를 읽을 수 없습니다)",
    "two_d.bad.empty": "파일이 비어 있습니다",
    "two_d.bad.too_many_rows": "파일에 점이 {rows}행 있습니다. 최대 {limit}행까지 허용됩니다",
    "two_d.bad.file_too_few": "파일에 {count}만 있습니다. 적어도 {limit}개가 필요합니다",
    "two_d.bad.row_values": "{line}번째 줄에 {count}가 있습니다. 각 줄은 x와 y, 두 숫자여야 합니다",
    "two_d.bad.not_number": "{line}번째 줄: '{field}'은(는) 숫자가 아닙니다",
    "two_d.bad.not_finite": "{line}번째 줄: '{field}'은(는) 유한한 숫자가 아닙니다",
    "two_d.bad.far_value": "{line}번째 줄: {field}은(는) 원점에서 {limit}보다 멀리 있습니다",
    # --- end two_d


    # --- mode_collapse (pages/mode_collapse.py, ganviz/views/modes.py, ganviz/lessons/published.py)
    "mode_collapse.title": "모드 붕괴: 보고, 재고, 고치기",
    "mode_collapse.caption": "두 GAN이 같은 목표 분포에서 같은 시드로 나란히 학습합니다. 왼쪽: 몇 개의 모드로 붕괴하는 "
                             "설정의 기본 GAN. 오른쪽: 같은 GAN에 해법을 하나 더한 것. 모드 하나는 작은 가우시안 "
                             "하나이며, 생성한 샘플 2,500개 중 하나라도 그 모드에서 표준편차 3배 안에 들어오면 그 "
                             "모드를 *포착했다*고 합니다.",
    "mode_collapse.presets_intro": "**실시간**: 두 학습 모두 0단계부터 시작해 이 컴퓨터에서 학습하며 재생합니다.",
    "preset.d_out_of_sync.title": "D와 어긋난 G: G 혼자 z를 한곳으로 몬다",
    "preset.d_out_of_sync.caption": "논문의 설정으로 1,000번 반복한 뒤, 1,200단계부터 1,800단계까지 D를 고정하고 G만 학습합니다(논문의 경고: D를 갱신하지 않고 G만 너무 많이 학습하면 안 됩니다). G는 모든 z를 고정된 D가 가장 높은 곳으로 밀어 보냅니다. z → x 화살표가 한 점으로 모이고 p_g는 뾰족한 봉우리가 되어, 많은 z가 같은 x로 갑니다. 1,800단계부터 D가 다시 학습하면 p_g가 다시 퍼집니다.",
    "preset.figure1.title": "그림 1: 이 페이지의 기본 학습",
    "preset.figure1.caption": "페이지가 처음 시작하는 학습으로, 그림 1: (a)부터 (d)까지의 설정입니다: 논문의 minimax 손실과 균등 사전 분포, D가 G보다 열 배 빠른 Adam, k = 3, 층화 추출한 1,024개짜리 미니배치, 표준화된 x를 보는 D, 1,500-3,500번째 반복에 걸쳐 줄어드는 두 학습률.",
    "mode_collapse.presets": "프리셋과 다시 보기",
    "mode_collapse.replays_intro": "**다시 보기**: 이 프로젝트의 컴퓨터에서 측정한 20,000번 반복 경주를 기록한 것입니다(tools/record_races.py). 학습 없이 약 20초 만에 전체 과정을 보여 줍니다.",
    'mode_collapse.replay_help': "이 경주의 기록을 0단계부터 재생합니다. '처음으로'를 누르면 실시간 학습으로 돌아갑니다.",
    "mode_collapse.replaying": "기록 다시 보기",
    "mode_collapse.preset.ring8-race.title": "ring8: 기본 GAN 대 PacGAN, 실시간",
    "mode_collapse.preset.ring8-race.caption": "두 학습 모두 0단계, 시드 2에서 이 자리에서 학습합니다. G가 D보다 20배 빠르게 배우고, 학습률은 1,500단계부터 4,000단계까지 줄어듭니다. 한가한 컴퓨터에서 1분 정도 걸리며, 그림 아래 줄이 지금 각 학습이 보여 주는 것을 말해 줍니다.",
    "mode_collapse.now": "**지금, {step}단계:**",
    "mode_collapse.now.start": "{run}: 아직 학습 전입니다.",
    "mode_collapse.now.all": "{run}은(는) {n}개 모드를 모두 포착했고, 샘플의 {hq}%가 모드 위에 있습니다.",
    "mode_collapse.now.all_loose": "{run}은(는) {n}개 모드 모두에 닿았지만 샘플의 {hq}%만 모드 위에 있고, 나머지는 모드 사이에 있습니다.",
    "mode_collapse.now.few": "{run}은(는) {n}개 중 {modes}개 모드만 포착했습니다: 샘플이 한곳에 뭉쳐 있습니다.",
    "mode_collapse.now.few_spread": "{run}은(는) {n}개 중 {modes}개 모드만 포착했습니다: 샘플이 넓게 흩어져 있고 대부분 모드 사이에 있습니다(모드 위 {hq}%).",
    "mode_collapse.now.some": "{run}은(는) 지금까지 {n}개 중 {modes}개 모드를 포착했습니다.",
    "mode_collapse.preset_help": "이 설정(목표 분포, 시드, 해법)을 불러와 두 학습을 0단계로 되돌리고 재생합니다.",
    "mode_collapse.preset.ring8-collapse.title": "ring8: 기본 GAN이 붕괴한다",
    "mode_collapse.preset.ring8-collapse.caption": "왼쪽: G가 D보다 50배 빠르게 학습하며 모든 샘플을 작은 덩어리 "
                                                   "하나로 몰아넣는데, D는 너무 느려서 이를 잡아내지 못합니다. G는 "
                                                   "끝내 원 전체로 퍼지지 못합니다. 그림 아래의 띠가 샘플이 떨어지는 "
                                                   "곳을 보여 줍니다.",
    "mode_collapse.preset.ring8-remedy.title": "ring8: 측정한 경주, 기본 GAN 대 PacGAN (다시 보기)",
    "mode_collapse.preset.ring8-remedy.caption": "오른쪽: PacGAN, 즉 D가 샘플을 두 개씩 묶어 판정합니다. 같은 G, 같은 "
                                                 "시드인데도 8개 모드 모두로 퍼지고, 10,000단계부터 학습률이 줄어들며 "
                                                 "샘플이 모드 위로 모입니다.",
    "mode_collapse.preset.grid25-collapse.title": "grid25: 기본 GAN이 모드를 놓친다",
    "mode_collapse.preset.grid25-collapse.caption": "왼쪽: 같은 GAN을 5×5 격자 모양의 모드에 학습합니다(여기서는 D가 "
                                                    "조금 더 빠릅니다, lr_D 5e-5). G의 샘플은 격자의 일부에만 닿고, "
                                                    "많은 샘플이 모드 사이에 놓입니다.",
    "mode_collapse.preset.grid25-remedy.title": "grid25: 측정한 경주, 기본 GAN 대 미니배치 표준편차 (다시 보기)",
    "mode_collapse.preset.grid25-remedy.caption": "오른쪽: 미니배치 표준편차(D가 배치의 퍼짐을 봅니다)는 측정한 모든 "
                                                  "시드에서 기본 GAN보다 많은 모드에 닿지만 25개 전부는 아니며, 많은 "
                                                  "샘플이 모드 사이에 남습니다(낮은 HQ).",
    "mode_collapse.measured_line": "시드 {runs}개로 {steps}단계에서 측정: 평균 {n_modes}개 중 {modes}개 모드, HQ "
                                   "{hq}%; {n_modes}개를 모두 포착하고 HQ ≥ 80%인 경우는 {runs}번 중 {good}번.",
    "mode_collapse.experiment": "실험",
    "mode_collapse.target": "목표 분포",
    "mode_collapse.target_help": "모드 붕괴를 재는 표준 벤치마크 두 가지입니다(Metz et al. 2017; Srivastava et al. "
                                 "2017).",
    "mode_collapse.remedy": "해법 (오른쪽)",
    "mode_collapse.remedy_help": "모두 ganviz/remedies.py에 실제로 구현되어 있고, 각 docstring에 논문이 인용되어 "
                                 "있습니다.",
    "mode_collapse.seed_help": "같은 시드면 같은 학습입니다. 이 프리셋은 대부분의 시드에서 붕괴합니다.",
    "mode_collapse.speed_help": "두 번 다시 그리는 사이에 각 학습이 실행하는 알고리즘 1 반복 횟수: 영상의 재생 "
                                "속도입니다.",
    "mode_collapse.preset_settings": "{dist} 프리셋: {loss}, k = {k}, {optimizer} lr_D = {lr_d}, lr_G = {lr_g}, "
                                     "배치 {batch}, z 차원 {z_dim}, 유닛 {width}개짜리 은닉층 {depth}개{decay}. "
                                     "{steps}단계에서 측정했습니다.",
    "mode_collapse.decay": "; {start}단계부터 {end}단계까지 두 학습률이 {floor}배로 선형 감소하여, G의 샘플이 찾아낸 "
                           "모드 위에 자리 잡습니다",
    "mode_collapse.play_help": "두 학습을 나란히 진행하며, 반복을 한 묶음 마칠 때마다 다시 그립니다.",
    "mode_collapse.reset_help": "두 학습 모두 같은 시드로 0단계로 되돌립니다.",
    "mode_collapse.step_help": "각 학습마다 알고리즘 1을 한 번 반복합니다.",
    "mode_collapse.method.gan.label": "기본 GAN",
    "mode_collapse.method.gan.description": "알고리즘 1 그대로: G는 지금의 D에 대한 자신의 손실 함수를 내려갑니다.",
    "mode_collapse.method.unrolled.label": "unrolled GAN",
    "mode_collapse.method.unrolled.description": "G의 손실을 D를 K번 더 경사 하강으로 업데이트한 뒤의 D로 계산하고, "
                                                 "G의 그래디언트는 그 업데이트들을 거쳐 흐릅니다: G는 자신이 붕괴하면 "
                                                 "D가 어떻게 대응할지 미리 봅니다.",
    "mode_collapse.method.pacgan.label": "PacGAN",
    "mode_collapse.method.pacgan.description": "D가 샘플 m개를 한 묶음으로, 모두 진짜이거나 모두 가짜인 묶음을 "
                                               "판정합니다: 서로 닮은 샘플 묶음이 붕괴한 G를 드러냅니다.",
    "mode_collapse.method.mbstd.label": "미니배치 표준편차",
    "mode_collapse.method.mbstd.description": "D가 특징을 하나 더 받습니다: 미니배치 전체에 걸친 특징들의 퍼짐으로, "
                                              "G가 붕괴하면 작아집니다.",
    "mode_collapse.method.wgan-gp.label": "WGAN-GP",
    "mode_collapse.method.wgan-gp.description": "D는 Wasserstein 거리를 추정하는 critic이고, 그래디언트 페널티로 "
                                                "1-Lipschitz를 유지하며, G 한 번당 5번 학습합니다.",
    "mode_collapse.modes_covered": "포착한 모드",
    "mode_collapse.modes_covered_help": "G의 샘플 2,500개로 잽니다: 적어도 한 고품질 샘플의 가장 가까운 모드가 "
                                        "되는 모드의 개수입니다.",
    "mode_collapse.hq": "고품질",
    "mode_collapse.hq_help": "G의 샘플 2,500개 중 가장 가까운 모드에서 표준편차 3배 안에 있는 샘플의 비율입니다.",
    "mode_collapse.timeline": "**G의 샘플이 떨어지는 곳, 단계별로** (모드마다 한 줄; 밝을수록 샘플이 많음)",
    "mode_collapse.fig.all_modes": "모드 {n}개 전부",
    "mode_collapse.fig.mode": "모드 {i}",
    "mode_collapse.fig.off_mode": "모드 밖",
    "mode_collapse.fig.share": "비율",
    "mode_collapse.fig.hover": "{step}단계<br>{mode}: 샘플의 {share}",
    "mode_collapse.tables": "발표된 수치와 우리의 수치",
    "mode_collapse.tables_caption": "포착한 모드 수(여러 번 실행한 평균)와 고품질 샘플의 비율이며, 실행마다 샘플 "
                                    "2,500개로 잽니다. 발표된 행은 해당 논문에서 인용했습니다. 신경망 구조가 우리와 "
                                    "다르므로 숫자 자체보다 경향을 비교하세요.",
    "mode_collapse.published": "**발표된 수치** (`ganviz/lessons/published.py`에 인용된 그대로이며, 무엇을 확인할 수 있었고 "
                               "무엇을 확인하지 못했는지도 그 파일에 적혀 있습니다)",
    "mode_collapse.measured": "**여기서 측정한 수치** (`python -m ganviz compare --preset <target>`: 위의 프리셋을 "
                              "시드마다 한 번씩 실행하여 프리셋의 마지막 단계에서 측정했습니다. 실행 횟수 열이 시드 "
                              "개수를 보여 주며, `results/compare_<target>.json`에 명령과 컴퓨터가 기록되어 있습니다)",
    "mode_collapse.col.method": "방법",
    "mode_collapse.col.source": "출처",
    "mode_collapse.col.modes": "{target} 모드 수",
    "mode_collapse.col.hq": "{target} HQ %",
    "mode_collapse.col.runs_with": "{target} {what} 달성 횟수",
    "mode_collapse.col.all_good": "{target} 모든 모드 & HQ ≥ 0.8",
    "mode_collapse.col.verified": "여기서 확인함",
    "mode_collapse.col.unverified": "아니요 (ganviz/lessons/published.py 참고)",
    # --- stability map (ganviz/ui/stability.py, ganviz/views/stability.py; the sweep in ganviz/files/sweeps/)
    "stability.title": "안정성 지도: 어떤 학습률에서 붕괴할까?",
    "stability.intro": "각 칸은 위 왼쪽의 ring8 프리셋 일반 GAN을 한 쌍의 학습률로 {steps}번 반복 학습한 결과를 "
                       "시드 {seeds}에 대해 평균한 값입니다: 덮은 모드 수, 최종 JSD, 또는 발산한 시드의 비율(빨간 "
                       "X 표시는 발산한 시드가 있는 칸). **칸을 클릭하거나** 아래에서 골라 그 설정으로 경주를 "
                       "시작하세요: 두 실행이 이 학습률과 시드 {seed}로 ring8에서 다시 시작합니다.",
    "stability.show": "표시",
    "stability.show_help": "8개 중 덮은 모드 수(많을수록 좋음), p_data와 p_g 사이의 최종 JSD(nats, 낮을수록 좋음, "
                           "log 2 = 0.69는 전혀 겹치지 않음), 또는 학습이 발산한(NaN이나 inf가 나와 되돌린) 시드의 "
                           "비율입니다.",
    "stability.measure.modes": "덮은 모드 수",
    "stability.measure.jsd": "최종 JSD (nats)",
    "stability.measure.diverged": "발산 비율",
    "stability.lr_d": "lr_D (D의 학습률)",
    "stability.lr_g": "lr_G (G의 학습률)",
    "stability.load": "이 설정으로 경주",
    "stability.load_help": "위의 경주를 이 두 학습률(나머지는 프리셋 그대로)과 지도의 첫 번째 시드로 ring8에서 "
                           "다시 시작합니다.",
    "stability.loaded": "위의 경주는 프리셋의 학습률 대신 지도의 설정 lr_D = {lr_d}, lr_G = {lr_g}(시드 {seed})로 "
                        "실행 중입니다.",
    "stability.back": "프리셋 학습률로 돌아가기",
    "stability.back_help": "프리셋 본래의 학습률로 경주를 다시 시작합니다.",
    "stability.how": "지도를 만든 방법: `{command}` (실행 {runs}개, `{file}`의 한 줄이 실행 하나). 원하는 설정으로 "
                     "직접 만들려면 `ganviz sweep --preset ring8 --grid lr_d=1e-5,1e-4 k=1,5 --seeds 0-4 --out "
                     "my_map.jsonl`을 실행하세요. `pip install 'ganviz[sweep]'`을 설치하면 모든 코어(또는 "
                     "`--address`로 Ray 클러스터)를 쓰고, 다시 실행하면 멈춘 곳부터 이어 갑니다 "
                     "(docs/command-line.md).",
    "mode_collapse.explain": "**모드 붕괴.** G는 D를 속이기만 하면 되고, D는 샘플을 한 번에 하나씩 판정합니다. 지금 "
                             "D가 진짜라고 믿는 모드 하나에 모든 샘플을 몰아넣는 생성자는 매 라운드를 이깁니다. 그러면 "
                             "D가 그 모드는 가짜라고 배우고, G는 다른 모드로 옮겨 갑니다. 타임라인에 그 이동이 "
                             "보입니다. 해법들은 D(또는 G)에게 더 넓은 시야를 줍니다:\n\n"
                             "- **Unrolled GAN** (Metz et al. 2017): G의 업데이트가 D의 학습 K단계를 미리 내다보므로, "
                             "D가 곧바로 응징할 움직임에는 G가 벌점을 받습니다.\n"
                             "- **PacGAN** (Lin et al. 2018): D가 샘플 m개를 한 묶음으로 판정합니다. 거의 똑같은 "
                             "샘플의 묶음은 붕괴한 G를 드러냅니다.\n"
                             "- **미니배치 표준편차** (Karras et al. 2018): D가 배치 전체가 얼마나 다양한지 봅니다.\n"
                             "- **WGAN-GP** (Gulrajani et al. 2017): 그래디언트 페널티를 둔 critic이 D의 결정 경계 "
                             "근처뿐 아니라 어디에서나 G에게 쓸모 있는 그래디언트를 줍니다.\n\n"
                             "측정 방법 (Srivastava et al. 2017; Lin et al. 2018): 샘플 2,500개; 가장 가까운 모드에서 "
                             "표준편차 3배 안에 있는 샘플은 고품질; 어떤 모드가 적어도 한 고품질 샘플의 가장 가까운 "
                             "모드이면 그 모드는 포착된 것입니다.",
    "mode_collapse.explain_figures": "**정사각형 그림 두 개**는 같은 단계에서의 두 학습입니다. 검은 점은 실제 샘플(모드), "
                                     "초록 점은 G의 샘플, 회색 선은 G의 다양체(z의 격자를 G에 통과시킨 것)이고, 배경은 "
                                     "D(x)로 D가 \"진짜\"라고 하는 곳은 파랑, \"가짜\"라고 하는 곳은 빨강입니다. 그 "
                                     "아래에는 학습마다 포착한 모드 수의 변화와, 모드마다 한 줄씩 샘플이 떨어지는 곳을 "
                                     "보여 주는 띠가 있습니다.",
    # --- end mode_collapse


    # --- theory (pages/theory.py, ganviz/views/theory.py)
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
    "theory.tab_prop2": "명제 2: C(G) 내려가기",
    "theory.tab_fits": "최대우도 vs GAN",
    "theory.density": "밀도",
    "theory.p2_intro": "매 단계 D가 D*에 있으면 기준 C(G) = max_D V(D, G)는 **p_g에 대해 볼록**합니다(p_g에 선형인 함수들의 최댓값). 그래서 C를 개선하는 작은 걸음을 **p_g 자체**에서 내딛으면 내려가기만 하고, p_g는 p_data로 수렴합니다(명제 2). 실제로는 G가 신경망이고 우리는 그 **파라미터 θ**를 움직입니다. θ의 함수로서 C는 볼록하지 않아서, 이 논증은 거기에 대해 아무것도 말해 주지 않습니다. 아래 두 학습은 매 단계 정확한 D*를 쓰고 같은 p_g(막 초기화한 MLP G가 만드는 것)에서 출발하며, p_data는 사이드바에서 정합니다.",
    "theory.p2_rate": "p_g 공간에서의 걸음 크기 η",
    "theory.p2_rate_help": "한 걸음은 p_g ← p_g^(1−η)·(p_data + p_g)^η 를 다시 정규화한 것입니다. 밀도의 기하에서 C를 따라 내려가는 경사 걸음(미러 하강)이며 p_g가 늘 밀도로 남습니다. η = 1이면 p_g ← (p_data + p_g)/2 입니다.",
    "theory.p2_lr": "MLP G의 Adam 학습률",
    "theory.p2_lr_help": "MLP G(1 → 32 → 32 → 1, ReLU, z ~ U(−1, 1))가 격자 위에서 정확히 잰 p_g로 C(θ) 자체를 따라 Adam 걸음을 내딛습니다.",
    "theory.p2_offset": "p_g 시작 위치(이동)",
    "theory.p2_offset_help": "초기화할 때 MLP의 출력에 더해져서, 두 학습 모두 데이터에서 떨어진 p_g로 시작합니다.",
    "theory.p2_steps": "100걸음 학습",
    "theory.p2_steps_help": "두 학습을 100걸음 더 진행합니다(몇 초: MLP 학습은 매 걸음 격자 전체에서 p_g와 그 기울기를 계산합니다).",
    "theory.p2_reset": "처음부터 다시",
    "theory.p2_function_pg": "p_g, p_g 공간에서 이동",
    "theory.p2_parametric_pg": "MLP G의 p_g, θ에서 이동",
    "theory.p2_function_c": "C(G), p_g에서 이동",
    "theory.p2_parametric_c": "C(G), MLP를 θ에서 이동",
    "theory.p2_metric_function": "C(G) + log 4, p_g 공간",
    "theory.p2_metric_parametric": "C(G) + log 4, MLP",
    "theory.p2_metric_help": "C(G) + log 4 = 2·JSD(p_data ‖ p_g): p_g = p_data일 때만 정확히 0입니다.",
    "theory.p2_reached": "{step}걸음: p_g 공간에서의 학습은 −log 4에 있습니다(0.001 이내). 명제 2대로 p_g = p_data입니다. 같은 목표와 같은 D*를 쓴 MLP는 그보다 {gap} 위에 있습니다.",
    "theory.p2_not_yet": "{step}걸음: C(G) + log 4는 p_g 공간에서 {function}, MLP에서 {parametric}입니다.",
    "theory.p2_gap": "봉우리가 둘인 p_data(사이드바에서 p_data를 가우시안 두 개로 고르세요)에서 MLP는 더 나은 모양을 찾기 전에 수백 걸음 동안 평탄한 곳에 머무는 일이 흔하고, 끝내 못 찾기도 합니다. MLP의 p_g는 한 구간을 ReLU 신경망으로 밀어낸 것이라, 봉우리 사이로 질량을 옮기려면 더 나쁜 모양을 거쳐야 하기 때문입니다. ±1.5(표준편차 0.5)의 두 봉우리에서 −2.5에서 출발해 잰 결과: p_g 공간의 학습은 100걸음 안에 −log 4에 닿고, MLP는 600–900걸음 동안 C + log 4 = 0.45 근처에 머물다가 약 0.12로 떨어집니다.",
    "theory.fits_intro": "모델이 어떤 발산을 최소화하는지가 어떻게 실패하는지를 정합니다. 여기서는 가우시안 하나 q = N(μ, σ²)를 봉우리가 둘인 p_data(아래에서 정함)에 세 가지 방법으로, 격자 위에서 정확히 맞춥니다. **순방향 KL(p_data ‖ q)** 은 최대우도가 최소화하는 것입니다(VAE의 ELBO가 바로 이 우도의 하한입니다). q는 p_data에 질량이 있는 곳을 모두 덮어야 하므로 두 봉우리에 걸쳐 퍼지고 그 사이의 빈 곳까지 채웁니다(흐릿한 샘플). **역방향 KL(q ‖ p_data)** 은 데이터가 없는 곳의 질량을 벌하므로 q는 한 봉우리에 자리 잡고 다른 봉우리를 버립니다. **JSD**는 D = D*일 때 GAN의 기준이 재는 것입니다(정리 1). 그 사이에 있습니다.",
    "theory.fit_forward_kl": "순방향 KL (최대우도)",
    "theory.fit_reverse_kl": "역방향 KL",
    "theory.fit_jsd": "JSD (D*일 때의 GAN)",
    "theory.fits_distance": "두 봉우리 사이 거리",
    "theory.fits_distance_help": "p_data는 표준편차 0.5인 가우시안 두 개이고, 이만큼 떨어져 있습니다.",
    "theory.fits_weight": "왼쪽 봉우리의 가중치",
    "theory.fits_weight_help": "나머지는 오른쪽 봉우리의 것입니다(0.5: 두 봉우리가 같음).",
    "theory.fits_table": "| 맞춤 | μ | σ | 그 발산 (nats) |\n| --- | --- | --- | --- |\n{rows}",
    "theory.fits_try": "가중치 0.7/0.3, 봉우리 간격 4(이 탭의 처음 설정)에서는 역방향 KL과 JSD가 모두 무거운 봉우리를 고르고 순방향 KL은 빈 곳에 걸칩니다. 가중치를 같게 해 보세요. 그러면 JSD는 간격 4에서도 두 봉우리를 덮고, 간격 6에서는 하나를 고릅니다.",
    "theory.tab_vae": "VAE vs GAN",
    "theory.vae_intro": "생성 모델을 만드는 두 가지 방법입니다. **VAE**(변분 오토인코더, Kingma & Welling 2014)는 *명시적(explicit)* 모델입니다. 밀도를 식으로 씁니다: p_θ(x) = ∫ p_θ(x|z) p(z) dz, 디코더 p_θ(x|z)와 p(z) = N(0, I). 이 적분은 닫힌 형태가 없어서 log p_θ(x)의 하한인 **ELBO**로 학습하고, 인코더 q_φ(z|x)가 이를 계산할 수 있게 해 줍니다. x마다 z 하나를 **재매개변수화 트릭** z = μ + σ·ε, ε ~ N(0, I)로 뽑으므로 기울기가 μ와 σ를 통해 흐릅니다. ELBO를 최대화하는 것은 (대략) 최대우도, 곧 순방향 KL(p_data ‖ p_θ)을 최소화하는 것입니다. 모델은 데이터가 있는 곳 어디에나 질량을 두어야 합니다. **GAN**은 *암묵적(implicit)* 모델입니다. G는 샘플 G(z)를 뽑을 뿐이고, p_g(x)의 식도 하한도 없습니다. 아래에서는 GAN과 같은 목표 분포로 VAE를 학습하고, ganviz에 들어 있는, 같은 목표에 수렴한 GAN 옆에 놓습니다.",
    "theory.vae_target": "목표 분포",
    "theory.vae_target_help": "1D 두 봉우리(Figure 1 페이지의 bimodal), 2D ring8(모드 붕괴 벤치마크), 또는 MNIST(두 모델 모두 미리 학습해 들어 있음).",
    "theory.vae_target_bimodal": "1D: 두 봉우리",
    "theory.vae_target_ring8": "2D: ring8",
    "theory.vae_target_mnist": "MNIST",
    "theory.vae_train": "GAN 옆에서 VAE 학습 ({steps}걸음)",
    "theory.vae_train_help": "작은 VAE(64개 유닛의 MLP, Adam 1e-3)를 이 목표로 몇 초 동안 학습한 뒤, 같은 목표에 수렴해 들어 있는 GAN 옆에 놓습니다. 서버마다 한 번만 학습하므로 다음 방문에서는 바로 보입니다.",
    "theory.vae_press": "위 버튼을 누르세요. VAE가 몇 초 학습한 뒤 그 밀도나 샘플이 GAN의 것 옆에 나타납니다.",
    "theory.vae_training": "VAE 학습 중…",
    "theory.vae_loading": "MNIST VAE, GAN, 분류기를 불러오는 중…",
    "theory.vae_gan_pg": "p_g (GAN)",
    "theory.vae_p_theta": "p_θ (VAE)",
    "theory.vae_gan_samples": "GAN: 샘플 G(z)",
    "theory.vae_vae_samples": "VAE: 샘플 x ~ p_θ(x|z), z ~ N(0, I)",
    "theory.vae_modes": "p_data의 봉우리",
    "theory.vae_log_likelihood_line": "정확한 로그우도 (p_data에 대한 평균)",
    "theory.vae_elbo_axis": "ELBO (nats, p_data에 대한 평균)",
    "theory.vae_table": "| | GAN (암묵적) | VAE (명시적) |\n| --- | --- | --- |\n{rows}",
    "theory.vae_no_formula": "— (p_g의 식이 없음)",
    "theory.vae_row_gap": "봉우리 사이 빈 곳의 질량",
    "theory.vae_row_log_likelihood": "로그우도 E[log p(x)] (nats)",
    "theory.vae_row_modes": "덮은 봉우리",
    "theory.vae_row_hq": "고품질 비율 (봉우리에서 3σ 이내)",
    "theory.vae_row_sharp": "확신도 > 0.9로 분류된 비율 (샘플 {n:,}개)",
    "theory.vae_row_elbo_mnist": "테스트 이미지 10,000장의 ELBO (이미지당 nats)",
    "theory.vae_mnist_gan": "GAN (MNIST 페이지의 생성기)",
    "theory.vae_mnist_vae": "VAE (z ~ N(0, I)에 대한 디코더 평균)",
    "theory.vae_caption_1d": "여기서는 두 모델 모두 두 봉우리를 덮습니다. z의 구간을 직선 위로 연속하게 옮기는 G는 빈 곳도 지나가야 하므로 GAN도 그곳에 질량을 조금 남깁니다. VAE의 밀도는 z ~ N(0, 1)에 걸쳐 디코더의 가우시안을 섞은 것이고, 이것도 빈 곳에 질량을 퍼뜨립니다(표). VAE에만 있는 것은 맞춤의 정도를 나타내는 숫자입니다. ELBO는 학습하면서 올라가고, 정확한 로그우도(점선) 아래에 머뭅니다. 잠재 변수가 1차원이라 여기서는 로그우도를 격자 위에서 정확히 계산할 수 있습니다.",
    "theory.vae_caption_2d": "두 모델 모두 8개 봉우리에 닿지만 VAE의 샘플은 대부분 봉우리 사이와 주변에 떨어집니다. 잠재 분포 N(0, I)는 이어진 한 덩어리이고 최대우도는 데이터를 하나라도 놓치면 벌하므로, 디코더는 그 덩어리를 빈 곳까지 포함해 고리 전체에 펼치고, 자신의 노이즈 σ_θ(z)로 각 점을 흐릿하게 만듭니다. GAN의 샘플은 봉우리 위에 있습니다(높은 고품질 비율). GAN은 수렴해 들어 있는 학습이고, 같은 GAN이 봉우리를 버릴 수도 있습니다(모드 붕괴 페이지).",
    "theory.vae_caption_mnist": "이미지에서도 같습니다. VAE의 숫자({epochs}에포크 학습)는 흐릿합니다. 그 z가 뜻할 수 있는 숫자들의 평균이기 때문입니다. 들어 있는 분류기는 그중 {vae}를 확신하고, GAN의 선명한 숫자는 {gan}를 확신합니다. VAE에는 테스트 세트를 얼마나 잘 모델링하는지 나타내는 숫자(ELBO)가 있지만 GAN에는 없습니다. MNIST 페이지는 샘플로부터 그것을 추정합니다(파젠 창).",
    "theory.vae_weights_missing": "MNIST VAE나 GAN을 불러올 수 없습니다: {error}",
    "theory.vae_explicit_implicit": "명시적 vs 암묵적: VAE는 p_θ(x)의 식이 있어서 표에 우도의 하한이 있고, GAN은 식이 없이 샘플만 있습니다. 이 차이 뒤의 정확한 그림은 *최대우도 vs GAN* 탭에 있습니다. 순방향 KL(VAE의 것)은 모든 봉우리를 덮고 빈 곳을 채우며, 역방향 KL과 JSD(D = D*일 때 GAN의 것)는 봉우리를 찾아갑니다.",
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
    "mnist.title": "MNIST: GAN이 그리는 숫자",
    "mnist.caption": "MNIST 훈련용 숫자 50,000개로 학습한 GAN이 ganviz에 함께 들어 있습니다. 아래의 그림은 모두 이 "
                     "GAN이 이 컴퓨터의 CPU에서 직접 그린 것이며, 숫자 하나마다 100개의 수로 된 노이즈 벡터 "
                     "z ~ N(0, I)에서 출발합니다.",
    "mnist.spinner_generator": "사전 학습된 생성자를 불러오는 중…",
    "mnist.spinner_train": "MNIST 훈련 이미지 60,000개를 읽는 중…",
    "mnist.spinner_nearest": "훈련 이미지 {n}개에서 가장 가까운 이미지를 찾는 중…",
    "mnist.spinner_subset": "ganviz에 함께 들어 있는 MNIST 훈련 이미지 10,000개를 읽는 중…",
    "mnist.spinner_real": "판별자로 실제 테스트 숫자를 평가하는 중…",
    "mnist.weights_error": "사전 학습된 생성자를 불러오지 못했습니다: {error}",
    "mnist.samples": "샘플",
    "mnist.seed": "시드",
    "mnist.seed_help": "같은 시드는 언제나 같은 숫자들을 그립니다.",
    "mnist.new": "새 샘플",
    "mnist.new_help": "새 무작위 시드를 뽑습니다: 새 노이즈 벡터, 새 숫자.",
    "mnist.n": "샘플 개수",
    "mnist.n_help": "한 번에 그릴 숫자의 개수입니다.",
    "mnist.show_d": "샘플마다 아래에 D(x) 표시",
    "mnist.show_d_help": "함께 제공된 판별자가 이 숫자를 생성된 것(0)이 아니라 진짜(1)라고 판단하는 확률입니다.",
    "mnist.metric_d_samples": "평균 D(x), 이 샘플들",
    "mnist.metric_d_samples_help": "위 숫자들에 대한 판별자의 평균 판정입니다: 1 = 확실히 진짜, 0 = 확실히 생성된 것.",
    "mnist.metric_d_real": "평균 D(x), 실제 테스트 숫자 {n}개",
    "mnist.metric_d_real_help": "비교용: 같은 판별자가 실제 MNIST 테스트 숫자에 내린 판정의 평균입니다.",
    "mnist.d_mean": "이 샘플들의 평균 D(x): {mean}",
    "mnist.d_mean_real": ", 실제 테스트 숫자 {n}개의 평균: {mean}",
    "mnist.d_explain": ". D는 학습 마지막 단계의 판별자이고, G는 생성자 가중치의 이동 평균입니다. D(x)는 D가 각 숫자를 "
                       "얼마나 진짜로 보는지 나타냅니다(1 = 확실히 진짜, 0 = 확실히 생성된 것).",
    "mnist.classes_caption": "위 샘플 {n}개를 ganviz에 들어 있는 분류기가 읽은 결과입니다. 어떤 숫자는 훨씬 자주, 어떤 "
                             "숫자는 드물게 나온다면 부분적인 모드 붕괴입니다. G가 데이터의 어떤 모드를 다른 모드보다 "
                             "잘 덮는다는 뜻입니다.",
    "mnist.classes_overall": " 이 생성자의 샘플 10,000개로는 숫자마다 {low}에서 {high}입니다({digits}). 실제 숫자 "
                             "10,000개로는 {real_low}에서 {real_high}입니다.",
    "mnist.fig2_title": "훈련 데이터를 외웠을까? (논문의 그림 2)",
    "mnist.fig2_caption": "각 행에는 샘플 {per_row}개가 있고, 노란 테두리 안에는 바로 옆 샘플과 가장 가까운 훈련 "
                          "이미지가 있습니다(픽셀 공간의 유클리드 거리로 찾으며, 어떤 훈련 이미지에서 찾았는지는 아래에 적어 둡니다). "
                          "생성자가 데이터를 외웠다면 두 이미지는 픽셀 하나하나까지 똑같은 숫자일 것입니다.",
    "mnist.fig2_distances": "각 행의 마지막 샘플과 가장 가까운 훈련 이미지 사이의 거리: {distances}. 비교하자면, 실제 "
                            "테스트 숫자와 가장 가까운 훈련 이미지 사이의 거리는 보통 {low}에서 {high}(중앙값 "
                            "{median})입니다. 복사본이라면 거의 0일 것입니다.",
    "mnist.fig2_distances_short": "가장 가까운 훈련 이미지까지의 거리: {distances} (실제 테스트 숫자: {low}~{high}, "
                                  "복사본: 0)",
    "mnist.data_error": "MNIST 훈련 이미지를 읽지 못했습니다: {error}",
    "mnist.fig2_searched_full": "찾은 범위: MNIST 훈련 이미지 60,000개 전체.",
    "mnist.fig2_searched_subset": "찾은 범위: ganviz에 함께 들어 있는 훈련 이미지 10,000개(train[0:10000]). "
                                  "전체 60,000개 중에는 더 가까운 이미지가 있을 수 있습니다. 아래에서 내려받으면 "
                                  "전체에서 찾습니다.",
    "mnist.download": "MNIST 내려받기 (11 MB)",
    "mnist.download_help": "공개 미러에서 MNIST 파일 네 개(훈련 이미지 60,000개, 테스트 이미지 10,000개)를 "
                           "`{folder}`에 내려받습니다. SHA-256 체크섬이 원본과 같은 파일만 남기고, 그다음부터는 "
                           "60,000개 전체에서 찾습니다. 오프라인이면 함께 들어 있는 이미지 10,000개를 계속 씁니다. "
                           "터미널에서는 `python -m ganviz mnist download`로 할 수 있습니다.",
    "mnist.download_starting": "MNIST 미러에 연결하는 중…",
    "mnist.download_progress": "MNIST 내려받는 중: {total} MB 중 {done} MB (파일마다 체크섬을 확인합니다)",
    "mnist.download_error": "내려받지 못했습니다. 함께 들어 있는 이미지 10,000개를 계속 씁니다: {error}",
    "mnist.download_done": "MNIST를 `{folder}`에 내려받았고 체크섬도 모두 확인했습니다. 이제 그림 2는 훈련 이미지 "
                           "60,000개 전체에서 찾습니다.",
    "mnist.view": "보기",
    "mnist.view_pretrained": "사전 학습된 생성자",
    "mnist.view_live": "처음부터 학습하기",
    "mnist.view_help": "사전 학습된 생성자: ganviz에 들어 있는 GAN에서 샘플을 뽑고, 논문의 그림 2·3과 표 1을 "
                       "봅니다. 처음부터 학습하기: 재생을 누르면 작은 GAN이 숫자를 배우는 과정을 실시간으로 봅니다.",
    "mnist.live_title": "GAN을 처음부터 학습하기",
    "mnist.live_caption": "재생을 누르세요. 알고리즘 1이 이 브라우저 세션에서 MNIST 숫자로 돌아갑니다. 반복마다 D가 한 "
                          "번, G가 한 번 학습합니다. 아래 숫자 64개는 매 프레임 같은 노이즈 벡터 64개에 대한 G의 "
                          "답입니다. 처음에는 회색 잡음이지만 1분이 지나기 전에 숫자 모양을 갖춥니다. *읽을 수 있는 "
                          "숫자*는 그중 몇 개를 분류기가 확신을 갖고 읽는지 보여 줍니다(실제 숫자는 약 94 %).",
    "mnist.live_spinner": "학습되지 않은 새 GAN을 만드는 중…",
    "mnist.live_play_help": "페이지를 다시 그리면서 학습합니다. G의 숫자, 손실, D의 판정, 클래스 히스토그램이 1초에 "
                            "여러 번 바뀝니다.",
    "mnist.live_step_help": "{n}번 반복(각각 D 한 번, G 한 번) 학습한 뒤 멈춘 채로 있습니다.",
    "mnist.live_reset_help": "지금 GAN을 버리고 무작위 가중치에서 다시 시작합니다.",
    "mnist.live_metric_step": "반복",
    "mnist.live_metric_step_help": "지금까지 알고리즘 1을 반복한 횟수입니다. 한 번마다 진짜 숫자와 생성된 숫자 "
                                   "미니배치로 D를 한 번, 그다음 G를 한 번 학습합니다.",
    "mnist.live_metric_seconds": "학습 시간",
    "mnist.live_metric_seconds_help": "지금까지 학습에 쓴 시간(초)입니다. 페이지를 그리는 시간은 뺐습니다.",
    "mnist.live_metric_confident": "읽을 수 있는 숫자",
    "mnist.live_metric_confident_help": "생성된 숫자 256개(고정된 노이즈) 가운데 ganviz에 들어 있는 분류기가 확률 "
                                        "0.9 넘게 읽어 내는 비율입니다. 실제 MNIST 숫자는 약 94 %입니다.",
    "mnist.live_metric_d": "평균 D(x): 진짜 / 생성",
    "mnist.live_metric_d_help": "진짜 숫자 256개와 생성된 숫자 256개에 대한 D의 평균 판정입니다. 게임이 균형에 "
                                "이르면 둘 다 1/2이 됩니다. D가 더는 둘을 구별하지 못한다는 뜻입니다.",
    "mnist.live_diverged": "손실이 더 이상 유한한 수가 아닙니다. 이 학습은 발산했습니다. 초기화를 눌러 다시 "
                           "시작하세요.",
    "mnist.live_data": "MNIST 훈련 이미지 {n}개로 {device}에서 학습합니다. G와 D는 작은 완전 연결 신경망(MLP, "
                       "논문과 같은 종류이지만 더 작음)이고, 격자에는 G 가중치의 이동 평균을 써서 숫자가 덜 "
                       "흔들립니다.",
    "mnist.live_explain": "**무엇이 학습되나.** G는 노이즈 벡터 z(숫자 100개)를 256개와 512개 유닛의 완전 연결 은닉층 "
                          "두 개에 통과시켜 28×28 이미지로 바꾸고, D는 256개와 128개 유닛의 층으로 이미지가 진짜일 "
                          "확률을 냅니다. (GPU가 없는 프로세서에서는 이런 층이 합성곱보다 한 걸음에 드는 계산이 훨씬 "
                          "적어서 1초에 더 많은 걸음을 학습할 수 있습니다.) 반복마다 D가 진짜 숫자 32개와 G의 숫자 "
                          "32개를 구별하도록 한 걸음, 이어서 G가 D를 속이도록 한 걸음 학습합니다(논문 3절의 "
                          "포화되지 않는 손실). \n\n**무엇을 볼까.** *격자*: 노이즈가 같으니 달라지는 것은 모두 "
                          "G가 배운 결과입니다. *D(x) 히스토그램*: 처음에는 D가 둘을 잘 가릅니다(진짜는 1 근처, "
                          "생성은 0 근처). G가 나아질수록 두 더미가 서로 가까워집니다. *손실*: 지도 학습처럼 0으로 "
                          "떨어지지 않고, 어느 쪽도 이기지 못하면 점선 근처에 머뭅니다. *클래스*: 분류기가 G의 "
                          "숫자를 읽은 결과입니다. 한 막대만 높고 빠진 숫자가 있으면 G가 몇몇 모드로 붕괴하고 있다는 "
                          "뜻입니다.",
    "mnist.live_d_loss": "D 손실",
    "mnist.live_g_loss": "G 손실",
    "mnist.live_losses_title": "손실",
    "mnist.live_step": "반복",
    "mnist.live_real": "진짜 숫자",
    "mnist.live_fake": "생성된 숫자",
    "mnist.live_d_title": "D(x): 진짜 대 생성",
    "mnist.live_share": "비율",
    "mnist.live_classes": "샘플 비율",
    "mnist.live_classes_title": "G가 그리는 숫자 (분류기가 읽은 결과)",
    "mnist.live_digit": "숫자",
    "mnist.fig3_title": "z 공간 걷기 (논문의 그림 3)",
    "mnist.fig3_caption": "t를 0에서 1까지 바꾸며 z = (1 − t)·z_left + t·z_right에서 생성한 숫자들입니다. 노이즈 "
                          "공간의 매끄러운 경로가 숫자 사이의 매끄러운 변형을 만듭니다. G가 숫자의 목록이 아니라 "
                          "공간을 배웠다는 또 하나의 증거입니다.",
    "mnist.left": "왼쪽 끝: 시드",
    "mnist.left_help": "z_left, 즉 t = 0에서의 노이즈 벡터를 정하는 시드입니다.",
    "mnist.reroll_left": "왼쪽 다시 뽑기",
    "mnist.reroll_left_help": "왼쪽 끝의 시드를 새로 무작위로 뽑습니다.",
    "mnist.right": "오른쪽 끝: 시드",
    "mnist.right_help": "z_right, 즉 t = 1에서의 노이즈 벡터를 정하는 시드입니다.",
    "mnist.reroll_right": "오른쪽 다시 뽑기",
    "mnist.reroll_right_help": "오른쪽 끝의 시드를 새로 무작위로 뽑습니다.",
    "mnist.steps": "단계 수",
    "mnist.steps_help": "0부터 1까지 고르게 나눈 t 값을 몇 개 그릴지 정합니다.",
    "mnist.progress_title": "학습하는 동안 샘플은 어떻게 좋아졌을까",
    "mnist.progress_error": "학습 과정 프레임이 없습니다: {error}",
    "mnist.frame": "학습 단계",
    "mnist.frame_help": "함께 제공된 학습 기록의 한 단계입니다. 그 시점의 생성자가 그린 샘플을 보여 줍니다. 에폭 1은 "
                        "훈련 숫자 전체를 한 번 훑는 것입니다.",
    "mnist.frame_option": "{step}단계 (에폭 {epoch})",
    "mnist.progress_caption": "같은 노이즈 벡터 {n}개를, 함께 제공된 학습 기록의 각 단계 시점의 생성자에 통과시킨 "
                              "결과입니다(0단계: 학습 전의 신경망).",
    "mnist.table1_title": "얼마나 잘할까? (논문의 표 1, 그리고 그 이상)",
    "mnist.col_model": "모델",
    "mnist.col_parzen": "Parzen 로그 가능도",
    "mnist.col_sigma": "sigma (커널 폭)",
    "mnist.row_paper": "적대적 신경망 (논문, 표 1)",
    "mnist.row_samples": "이 생성자, 샘플 10,000개",
    "mnist.row_real": "실제 훈련 이미지 10,000개",
    "mnist.parzen_caption": "논문의 방법(goodfeli/adversarial, parzen_ll.py): 샘플 10,000개 각각에 가우시안 커널을 "
                            "놓고, 커널 폭은 따로 떼어 둔 훈련 이미지 1,000개로 0.1에서 1 사이의 값 10개 중에서 고른 "
                            "뒤, 테스트 이미지 10,000개의 평균 로그 가능도와 그 표준 오차를 구합니다. 높을수록 "
                            "좋지만, 784차원에서는 이 추정값이 실제 가능도와 거리가 멀고 샘플 품질의 지표로도 "
                            "미흡합니다(Theis, van den Oord, Bethge, 2016). 실제 이미지의 값은 완벽한 생성자가 받을 "
                            "점수를 보여 줍니다. 생성자가 그보다 높은 점수를 받을 수도 있습니다: 이 추정값은 "
                            "사실적인 샘플보다, 매끄럽고 평균적인 숫자처럼 많은 테스트 이미지 가까이에 놓인 샘플에 "
                            "더 후한 점수를 줍니다(Theis 등은 k-평균 중심점으로 실제 이미지보다 높은 점수를 "
                            "얻었습니다).",
    "mnist.col_images": "이미지",
    "mnist.col_confident": "확신 (p > 0.9)",
    "mnist.col_kl": "KL(classes ‖ uniform)",
    "mnist.col_frechet": "Fréchet 거리",
    "mnist.quality_caption": "ganviz에 함께 들어 있는 작은 MNIST 분류기가 샘플을 평가합니다. 흐릿한 숫자는 확신 있게 "
                             "분류되지 않고, 일부 숫자를 빠뜨리는 생성자는 클래스 히스토그램이 균등 분포에서 "
                             "멀어집니다(KL 0은 완벽한 균형, log 10 ≈ 2.30은 한 가지 숫자만 나오는 경우). Fréchet "
                             "거리는 샘플과 테스트 세트에서 뽑은 분류기 특징을 비교합니다(낮을수록 좋음).",
    "mnist.no_evaluation": "모델 카드에 아직 평가 결과가 없습니다: `python -m ganviz mnist eval`을 실행하세요.",
    "mnist.metric_parzen_paper": "Parzen 로그 가능도, 논문",
    "mnist.metric_parzen_ours": "Parzen 로그 가능도, 이 생성자",
    "mnist.metric_parzen_help": "샘플 10,000개로 만든 가우시안 커널 밀도에서 MNIST 테스트 이미지 10,000개의 평균 "
                                "로그 가능도입니다(논문의 표 1). 높을수록 좋습니다.",
    "mnist.metric_confident": "확신 (p > 0.9)",
    "mnist.metric_confident_help": "함께 제공된 분류기가 어떤 한 클래스에 0.9보다 높은 확률을 주는 샘플의 "
                                   "비율입니다. 흐릿한 숫자는 여기에 들지 못합니다.",
    "mnist.metric_frechet": "Fréchet 거리",
    "mnist.metric_frechet_help": "샘플과 테스트 세트에서 뽑은 분류기 특징 사이의 거리입니다. 낮을수록 좋습니다.",
    "mnist.card_title": "이 생성자는 어떻게 만들었을까",
    "mnist.card_generator": "생성자",
    "mnist.card_discriminator": "판별자",
    "mnist.card_data": "데이터",
    "mnist.card_recipe": "학습 방법",
    "mnist.card_steps": "학습 단계 수",
    "mnist.card_epochs": "에폭",
    "mnist.card_seed": "시드",
    "mnist.card_training_seconds": "학습 시간(초)",
    "mnist.card_machine": "학습한 컴퓨터",
    "mnist.card_usage": "`python -m ganviz mnist train --data DIR --out DIR`로 다시 학습하거나(중단해도 이어서 할 수 "
                        "있음), `python -m ganviz mnist sample --n 1000 --seed 0 --out samples.npy`로 샘플을 "
                        "뽑거나, Python에서 `ganviz.mnist.load_generator().sample(n, seed)`를 쓰세요.",
    "mnist.explain": "이 페이지의 숫자는 모두 생성자 G가 지어낸 것입니다. G는 그림을 복사하지 않고, 무작위 수 100개로 "
                     "된 벡터 z를 픽셀 값 784개로 바꿉니다. 학습하는 동안(알고리즘 1, 다른 페이지와 같은 게임) "
                     "판별자 D는 실제 MNIST 숫자와 G의 숫자를 구별하도록 배웠고, G는 D를 속이도록 배웠습니다. 이 "
                     "페이지는 그 결과에 논문과 같은 질문을 던집니다. 샘플이 좋은가(샘플, 표 1)? 훈련 데이터의 "
                     "복사본인가(그림 2)? G가 숫자의 매끄러운 공간을 배웠는가(그림 3)?",
    "mnist.explain_try": "해 보기: *새 샘플*을 몇 번 눌러 알아보기 어려운 숫자를 찾아보세요. D(x)를 켜고 D가 어떤 "
                         "숫자를 가짜로 보는지 확인하세요. 그림 2에서는 각 샘플을 노란 테두리의 이웃과 비교하고, "
                         "그림 3에서는 서로 다른 숫자가 나오는 시드 두 개를 골라 한 숫자가 다른 숫자로 바뀌는 모습을 "
                         "보세요. 학습 단계를 0으로 되돌리면 G가 어디서 시작했는지 볼 수 있습니다.",
    # --- end mnist
    # --- follow the teacher (ganviz/ui/follow.py)
    "nav.follow": "선생님 화면 따라보기",
    "share.button": "수업에 공유하기",
    "share.help": "학생들이 이 학습을 각자의 화면에서, 각자의 언어로 실시간으로 봅니다. 학생은 학습을 바꿀 수 "
                  "없습니다. 학생들에게 보여 줄 짧은 코드, 링크, QR 코드가 만들어집니다.",
    "share.code": "수업 코드: **{code}**",
    "share.how": "학생들은 QR 코드를 찍거나, 링크를 열거나, “선생님 화면 따라보기” 페이지에 코드를 입력합니다. "
                 "코드는 공유하는 동안, 최대 {hours}시간 동안 쓸 수 있습니다.",
    "share.localhost": "이 링크는 이 컴퓨터 자신(localhost)을 가리켜서 학생들이 접속할 수 없습니다. 컴퓨터의 네트워크 "
                       "주소로 앱을 열거나, GANVIZ_PUBLIC_URL을 그 주소로 설정해서 시작하세요.",
    "share.stop": "공유 끝내기",
    "share.stop_help": "학습은 계속됩니다. 학생들의 화면에는 공유가 끝났다고 나오고, 코드는 더 이상 쓸 수 없습니다.",
    "share.banner": "수업에 공유 중: 코드 {code} · {n}명이 보는 중",
    "follow.title": "선생님 화면 따라보기",
    "follow.intro": "선생님이 보여 주는 코드를 입력하거나 링크를 여세요. 선생님의 학습을 내 화면에서, 내 언어로 "
                    "실시간으로 볼 수 있습니다. 내 화면을 멈추고 지난 장면을 돌려 볼 수는 있지만, 선생님의 학습을 "
                    "바꿀 수는 없습니다.",
    "follow.code": "수업 코드",
    "follow.code_help": "선생님이 보여 주는 영문자 여섯 개(앞에 숫자가 하나 붙을 수 있음). 대소문자는 상관없습니다.",
    "follow.go": "따라보기",
    "follow.refused_malformed": "“{code}”는 수업 코드가 아닙니다. 코드는 KMQPRT처럼 영문자 여섯 개입니다(앞에 숫자가 "
                                "하나 붙을 수 있음).",
    "follow.refused_unknown": "이 서버에는 “{code}” 코드로 공유된 학습이 없습니다. 선생님께 코드를 확인하세요. "
                              "코드는 선생님이 공유하는 동안에만 쓸 수 있습니다.",
    "follow.refused_stopped": "선생님이 “{code}” 학습의 공유를 끝냈습니다.",
    "follow.refused_left": "선생님의 페이지가 닫혀서 “{code}” 학습은 더 이상 공유되지 않습니다.",
    "follow.refused_expired": "“{code}” 코드는 만료되었습니다(코드는 최대 {hours}시간 동안 쓸 수 있습니다). "
                              "선생님께 새 코드를 받으세요.",
    "follow.other_server": "이 코드는 이 수업의 다른 서버에 있습니다: 열기",
    "follow.watching": "선생님의 {page} 페이지 학습을 따라보는 중입니다(코드 {code}). 읽기 전용: 보이는 것은 선생님의 "
                       "학습 그대로, 프레임 하나하나 같습니다.",
    "follow.pause": "내 화면 멈추기",
    "follow.pause_help": "내 화면만 멈춥니다(선생님의 학습은 계속됩니다). 지금까지 기록된 프레임을 거슬러 올라가며 "
                         "볼 수 있습니다. 끄면 다시 실시간으로 봅니다.",
    "follow.timeline_help": "첫 학생이 들어온 뒤부터 기록된 프레임 {n}개(그 시간 동안 고르게)를 거슬러 올라가며 봅니다.",
    "follow.empty": "아직 기록된 것이 없습니다. 선생님 학습의 프레임이 도착하는 대로 여기에 저장됩니다.",
    "follow.waiting": "선생님의 첫 프레임을 기다리는 중…",
}

"""A WhatsApp chat exported as text (questions/parse/whatsapp.py): each message opens its line
with the sender's time stamp and name ("14/02/2025, 20:15 - Lena: …", "[14/02/2025, 20:15:04]
Lena: …"), its other lines carry none. Read as Markdown the chat was one paragraph: the stamps
and names ran into the stems, every message into the next, and the app's own lines (system
lines, "<Media omitted>", polls) were asked as facts."""

from __future__ import annotations

import time

from questions.generate import generate_document
from questions.parse.chat import LINE_NOTE
from questions.parse.markdown import parse_document
from questions.parse.whatsapp import whatsapp_as_markdown

ANDROID = """14/02/2025, 20:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.
14/02/2025, 20:00 - Lena Park created group "K8s CKA crew 🐳"
14/02/2025, 20:01 - Lena Park added Tomas, Ines
14/02/2025, 20:02 - Tomas joined using this group's invite link
14/02/2025, 20:05 - Lena Park: Hi all 👋 let's keep CKA notes here
14/02/2025, 20:10 - Lena Park: Service types
ClusterIP → reachable only inside the cluster, the default type
NodePort → opens a port from 30000-32767 on every node
LoadBalancer → asks the cloud provider for an external IP
ExternalName → maps the Service to a DNS name with a CNAME record
14/02/2025, 20:12 - Ines: etcd listens for clients on port 2379 and for peers on port 2380
14/02/2025, 20:13 - Ines: kube-apiserver serves its API on port 6443
14/02/2025, 20:14 - Tomas: <Media omitted>
14/02/2025, 20:15 - Tomas: This message was deleted
14/02/2025, 20:16 - Ines: POLL:
Which topic next week?
OPTION: Networking (3 votes)
OPTION: Storage (1 vote)
14/02/2025, 20:17 - Tomas: is the default pod eviction timeout 5 minutes?
14/02/2025, 20:18 - Lena Park: 🔥🔥
14/02/2025, 20:19 - Ines changed this group's icon
14/02/2025, 20:20 - Tomas left
"""


def _texts(text: str) -> list[str]:
    return [b.text for b in parse_document(text, "chat.txt").content]


def _chosen(text: str) -> list[tuple[str, list[str], str]]:
    out = []
    for _, q in generate_document("chat.txt", text).chosen:
        choices = list(q.choices or ())
        key = choices[q.answer] if isinstance(q.answer, int) and choices else ""
        out.append((q.prompt, choices, key))
    return out


def test_stamps_names_and_the_apps_lines_never_reach_a_question() -> None:
    doc = parse_document(ANDROID, "chat.txt")
    texts = " ".join(b.text for b in doc.content)
    for word in ("20:1", "14/02/2025", "Lena Park", "Ines:", "Media omitted", "POLL", "OPTION",
                 "deleted", "encrypted", "joined", "left"):  # fmt: skip
        assert word not in texts, word
    reasons = {n.line: n.reason for n in doc.noise}
    assert (
        reasons[1]
        == reasons[3]
        == reasons[4]
        == reasons[21]
        == reasons[22]
        == ("chat system message")
    )
    assert reasons[13] == "chat media omitted"
    assert reasons[14] == "deleted chat message"
    assert [reasons[n] for n in range(15, 19)] == ["chat poll"] * 4
    assert reasons[19] == "question in the chat"
    assert reasons[20] == "chat reactions"
    assert reasons[5] == "chat chatter"  # a greeting
    for prompt, choices, _ in _chosen(ANDROID):
        said = prompt + " ".join(choices)
        assert "20:" not in said and "Lena" not in said and "Ines" not in said, said


def test_the_group_name_is_the_title() -> None:
    doc = parse_document(ANDROID, "chat.txt")
    assert doc.title == "K8s CKA crew"


def test_each_message_is_a_note_of_its_own() -> None:
    texts = _texts(ANDROID)
    assert "etcd listens for clients on port 2379 and for peers on port 2380" in texts, texts
    assert "kube-apiserver serves its API on port 6443" in texts, texts
    chosen = _chosen(ANDROID)
    assert any(key == "6443" and "kube-apiserver" in p for p, _, key in chosen), chosen
    assert not any("6443" in p and "etcd" in p for p, _, _ in chosen), chosen


def test_a_titled_message_is_a_lead_in_and_its_lines_a_list() -> None:
    doc = parse_document(ANDROID, "chat.txt")
    items = [b for b in doc.content if b.kind == "item"][:4]
    names = [b.text.split(" →")[0] for b in items]
    assert names == ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]
    assert len({b.group for b in items}) == 1
    lead = next(b for b in doc.content if b.text == "Service types:")
    assert lead.leads_in
    chosen = _chosen(ANDROID)
    assert any(
        key == "LoadBalancer" and "service type" in p and "external IP" in p for p, _, key in chosen
    ), chosen


LISTS = """03/03/2025, 09:00 - Lena: Probes:
- liveness probe restarts the container when it fails
- readiness probe removes the pod from Service endpoints
03/03/2025, 09:01 - Ines: the kubelet runs static pods from /etc/kubernetes/manifests
03/03/2025, 09:02 - Tomas: Taint effects:
- NoSchedule keeps new pods off the node
- NoExecute also evicts running pods
03/03/2025, 09:03 - Lena: Control plane ports
kube-scheduler 10259
kube-controller-manager 10257
03/03/2025, 09:04 - Ines: Ordered upgrade:
1. drain the node
2. upgrade kubeadm
3. uncordon the node
"""


def test_a_list_never_runs_on_into_the_next_message() -> None:
    doc = parse_document(LISTS, "chat.txt")
    texts = [b.text for b in doc.content]
    assert "the kubelet runs static pods from /etc/kubernetes/manifests" in texts, texts
    assert not any("manifests" in t and "readiness" in t for t in texts), texts
    groups = {b.text.split()[0]: b.group for b in doc.content if b.kind == "item"}
    assert groups["liveness"] == groups["readiness"]
    assert groups["NoSchedule"] == groups["NoExecute"] != groups["liveness"]
    assert groups["kube-scheduler"] == groups["kube-controller-manager"] != groups["NoSchedule"]
    # a numbered list typed in a message stays one, under its title
    steps = [b for b in doc.content if b.kind == "item" and b.line >= 12]
    assert [b.text for b in steps] == ["drain the node", "upgrade kubeadm", "uncordon the node"]
    assert len({b.group for b in steps}) == 1
    leads = [b.text for b in doc.content if b.leads_in]
    assert leads == ["Probes:", "Taint effects:", "Control plane ports:", "Ordered upgrade:"]


def test_the_lines_keep_their_numbers() -> None:
    lines = ANDROID.split("\n")
    kept, skipped = whatsapp_as_markdown(lines)
    assert len(kept) == len(lines)
    assert all(kept[n - 1] == "" for n, _, _ in skipped)
    # a message under the list above is an item of its own list: no line runs on with another
    assert kept[10] == "* etcd listens for clients on port 2379 and for peers on port 2380"
    assert kept[11] == "- kube-apiserver serves its API on port 6443"


IOS = """[05/02/2025, 18:00:01] Study net: \u200eMessages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.
[05/02/2025, 18:00:01] Study net: \u200eMaya created group “Net+ prep 📡”
[05/02/2025, 18:00:02] Study net: \u200eMaya added you
[05/02/2025, 18:03:40] Maya: Routing protocols
OSPF → link-state, administrative distance 110
EIGRP → advanced distance-vector, administrative distance 90
RIP → hop count metric, maximum 15 hops
[05/02/2025, 18:04:12] Omar: \u200eimage omitted
[05/02/2025, 18:05:00] +44 7700 900123: BGP exchanges routes over TCP port 179
[05/02/2025, 18:05:30] Omar: \u200eThis message was deleted.
[05/02/2025, 18:06:10] Maya: *STP* elects the switch with the ~highest~ lowest bridge ID as root \u200e<This message was edited>
[05/02/2025, 18:08:00] Omar: \u200e<attached: 00000012-PHOTO-2025-02-05-18-08-00.jpg>
"""

TWELVE_HOUR = (
    '2/5/25, 6:00\u202fPM - Maya created group "Linux+ grind"\n'
    "2/5/25, 6:03\u202fPM - Maya: File modes:\n"
    "- chmod 755 gives rwxr-xr-x\n"
    "- chmod 644 gives rw-r--r--\n"
    "2/5/25, 6:04\u202fPM - +1 555 010 4477: Default SSH port is 22 and sshd reads /etc/ssh/sshd_config\n"
    "2/5/25, 6:05\u202fPM - Omar: <Media omitted>\n"
)


def test_ios_and_twelve_hour_exports_and_phone_numbers_as_names() -> None:
    doc = parse_document(IOS, "chat.txt")
    assert doc.title == "Net+ prep"
    texts = [b.text for b in doc.content]
    assert "BGP exchanges routes over TCP port 179" in texts, texts
    assert "STP elects the switch with the lowest bridge ID as root" in texts, texts
    joined = " ".join(texts)
    for word in ("18:0", "+44", "7700", "Maya:", "omitted", "attached", "edited", "*", "~"):
        assert word not in joined, word
    reasons = [n.reason for n in doc.noise]
    assert reasons.count("chat media omitted") == 2
    assert reasons.count("chat system message") == 2
    assert "deleted chat message" in reasons
    chosen = _chosen(IOS)
    assert any(key == "179" for _, _, key in chosen), chosen
    doc = parse_document(TWELVE_HOUR, "chat.txt")
    assert doc.title == "Linux+ grind"
    texts = [b.text for b in doc.content]
    assert "Default SSH port is 22 and sshd reads /etc/ssh/sshd_config" in texts, texts
    assert "chmod 755 gives rwxr-xr-x" in texts, texts
    assert not any("PM" in t or "555" in t for t in texts), texts


TALK = """10/04/2025, 21:00 - Ana: Cheat sheet
ingress needs an ingress controller to do anything
a DaemonSet runs one pod on every node
10/04/2025, 21:01 - Ben: a DaemonSet skips control plane nodes unless tolerated right
10/04/2025, 21:02 - Ana: nice ty 🙏
10/04/2025, 21:03 - Ben: 88
10/04/2025, 21:04 - Ana: Mock exam done 😅 got 74 today
10/04/2025, 21:05 - Ben: Congrats!! booking mine for 30th
10/04/2025, 21:06 - Ana: ^ that one was on my mock too
"""


def test_the_chats_questions_and_talk_are_skipped() -> None:
    doc = parse_document(TALK, "chat.txt")
    reasons = {n.line: n.reason for n in doc.noise}
    assert reasons[4] == "question in the chat"  # "… right" with no question mark
    assert [reasons[n] for n in range(5, 10)] == ["chat chatter"] * 5
    texts = [b.text for b in doc.content]
    assert "a DaemonSet runs one pod on every node" in texts, texts
    for prompt, choices, _ in _chosen(TALK):
        said = prompt + " ".join(choices)
        assert "74" not in said and "88" not in said and "30th" not in said, said


CORRECTED = """11/04/2025, 19:00 - Ben: a PodDisruptionBudget is set per node
11/04/2025, 19:01 - Ana: per Deployment* not per node. It limits voluntary evictions of its pods
11/04/2025, 19:02 - Ben: the etcd quorum of a 5 member cluster is 2 members
11/04/2025, 19:03 - Ana: 3 members! a majority of 5
11/04/2025, 19:04 - Ben: kubectl drain cordons the node first
11/04/2025, 19:05 - Ana: and it evicts pods through the Eviction API
"""


def test_a_message_the_next_one_corrects_is_not_asked() -> None:
    doc = parse_document(CORRECTED, "chat.txt")
    corrected = [n.line for n in doc.noise if n.reason == "corrected later in the chat"]
    assert corrected == [1, 3]
    texts = [b.text for b in doc.content]
    assert not any("per node" in t and "set" in t for t in texts), texts
    assert not any("is 2 members" in t for t in texts), texts
    # a reply that adds to the message above corrects nothing
    assert "kubectl drain cordons the node first" in texts, texts
    assert not any("*" in t for t in texts), texts


FENCED = """12/04/2025, 08:00 - Ana: create a deployment imperatively:
```
kubectl create deployment web --image=nginx --replicas=3
```
12/04/2025, 08:01 - Ben: ```kubectl get pods -o wide``` shows the node of each pod
12/04/2025, 08:02 - Ana: ```
this block is never closed
12/04/2025, 08:03 - Ben: a Job runs pods until a set number of them succeed
"""


def test_a_block_typed_in_a_message_is_code_and_an_unclosed_one_takes_nothing() -> None:
    doc = parse_document(FENCED, "chat.txt")
    code = [b for b in doc.blocks if b.kind == "code"]
    assert len(code) == 1 and "kubectl create deployment web" in (code[0].code or "")
    texts = [b.text for b in doc.content]
    assert "a Job runs pods until a set number of them succeed" in texts, texts


def test_a_file_that_is_no_whatsapp_export_is_left_as_it_is() -> None:
    notes = [
        "# Kubernetes",
        "",
        "Service types:",
        "- ClusterIP is the default",
        "14/02/2025, 20:12 - Ines: etcd listens on 2379",
        "14/02/2025, 20:13 - Ines: kube-apiserver serves on 6443",
        "14/02/2025, 20:14 - Ines: the scheduler serves on 10259",
        "more notes",
    ]
    assert whatsapp_as_markdown(notes) == (notes, [])
    two = ANDROID.split("\n")[10:12]  # two messages are no export
    assert whatsapp_as_markdown(two) == (two, [])
    slack = ["[3/4/2024 7:02 PM] ravi_dev", "x", "[3/4/2024 7:03 PM] kev", "y",
             "[3/4/2024 7:04 PM] maya", "z"]  # fmt: skip
    assert whatsapp_as_markdown(slack) == (slack, [])
    journal = ["12/03/2024, 09:00 - went running", "12/03/2024, 18:00 - read a chapter",
               "13/03/2024, 09:00 - went running again"]  # fmt: skip
    assert whatsapp_as_markdown(journal) == (journal, [])
    # the same messages opening a file are an export (a heading of the writer's may top it)
    chat = ["# CKA chat", "", *notes[4:7]]
    assert whatsapp_as_markdown(chat)[0][2:] == [
        "[0:00] etcd listens on 2379",
        "[0:00] kube-apiserver serves on 6443",
        "[0:00] the scheduler serves on 10259",
    ]


def test_hostile_files_are_read_in_bounded_time_and_never_raise() -> None:
    header = "01/01/2025, 10:00 - Ana: "
    big = [header + "x = y " * 20] * 20_000 + ["*" * 50_000, "~a" * 30_000, " " * 50_000]
    big += [header + "right" + " " * 50_000 + "x", header + "1" + " " * 50_000 + "%x"]
    start = time.process_time()
    kept, _ = whatsapp_as_markdown(big)
    assert len(kept) == len(big) and kept[0] == LINE_NOTE + "x = y" + " x = y" * 19
    odd = [header + "*" * 5_000, header + "~" * 5_000, header + "```", "```python", header + ":",
           "01/01/2025, 10:00 - " + "a" * 10_000, header + "1) " * 2_000, header + "\u200e"]  # fmt: skip
    for n in range(len(odd)):
        whatsapp_as_markdown(odd[n:] + odd[:n] + [header + "y"] * 3)
    parse_document("\n".join([header + "9" * 5_000 + "!"] * 200), "chat.txt")
    assert time.process_time() - start < 20

"""The demo portal's content: agencies, categories, directive documents and news articles.

The three city documents carry their real numbers and dates; the articles were written for
this demo. Body blocks are ``(type, value)`` pairs; ``("document", "34/UBBC-TCTTT")`` embeds a
document's file and ``("image", caption)`` adds a generated picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")

ELECTION_NAME = (
    "Bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026"
)
PORTAL_TITLE = "Bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp nhiệm kỳ 2021-2026"
PORTAL_SLUG = "bau-cu-2021"
# (name, kind, address): placeholders on example domains, for the integrator to replace.
SOCIAL_CHANNELS = [
    ("Fanpage Facebook", "facebook", "https://www.facebook.com/example"),
    ("Zalo OA", "zalo", "https://zalo.example.com/example"),
    ("Kênh YouTube", "youtube", "https://www.youtube.example.org/@example"),
]
ELECTION_DAY = date(2021, 5, 23)
PORTAL_INTRODUCTION = (
    "<p>Trang thông tin điện tử tuyên truyền về cuộc bầu cử đại biểu Quốc hội khóa XV và đại "
    "biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026 của thành phố. Ngày bầu cử: "
    "<b>Chủ Nhật, 23/5/2021</b>.</p>"
)


@dataclass(frozen=True)
class AgencyData:
    code: str
    name: str
    short_name: str
    kind: str
    # Whether the agency has its own space under /co-quan/<code>/.
    has_page: bool = True
    phone: str = ""
    address: str = ""


AGENCIES = [
    AgencyData(
        "UBBC",
        "Ủy ban bầu cử thành phố",
        "UBBC thành phố",
        "election_committee",
        phone="0225 3800 100",
        address="Số 18 đường Hoàng Diệu, quận Hồng Bàng",
    ),
    AgencyData(
        "MTTQ",
        "Ủy ban MTTQ Việt Nam thành phố",
        "MTTQ thành phố",
        "fatherland_front",
        phone="0225 3800 200",
    ),
    AgencyData("SVHTT", "Sở Văn hóa và Thể thao", "Sở VHTT", "department"),
    AgencyData(
        "STTTT",
        "Sở Thông tin và Truyền thông",
        "Sở TTTT",
        "department",
        phone="0225 3800 300",
    ),
    AgencyData("STC", "Sở Tài chính", "Sở Tài chính", "department"),
    AgencyData(
        "UBBCHB",
        "Ủy ban bầu cử quận Hồng Bàng",
        "UBBC quận Hồng Bàng",
        "district_election_committee",
    ),
    AgencyData(
        "UBBCAD",
        "Ủy ban bầu cử huyện An Dương",
        "UBBC huyện An Dương",
        "district_election_committee",
    ),
    AgencyData("HĐBCQG", "Hội đồng bầu cử quốc gia", "HĐBCQG", "central", has_page=False),
    AgencyData("CP", "Chính phủ", "Chính phủ", "central", has_page=False),
]

# (name, description); slugs are made from the names.
CATEGORIES = [
    ("Tuyên truyền, cổ động", "Thông tin, tuyên truyền, cổ động trực quan về cuộc bầu cử."),
    ("Cử tri", "Danh sách cử tri, quyền và nghĩa vụ của cử tri."),
    ("Người ứng cử", "Hiệp thương, giới thiệu và danh sách những người ứng cử."),
    ("Tổ chức bầu cử", "Khu vực bỏ phiếu, tổ bầu cử, kinh phí và công tác bảo đảm."),
    ("Thông tin báo chí", "Cung cấp thông tin cho các cơ quan báo chí."),
]


@dataclass(frozen=True)
class DocumentData:
    number: str
    title: str
    summary: str
    issuer: str
    issue_date: date
    level: str = "city"
    effective_date: date | None = None
    # Published on the portal at this local time.
    published: datetime | None = None


DOCUMENTS = [
    DocumentData(
        "08/KH-UBBC",
        "Kế hoạch thông tin, tuyên truyền, vận động cuộc bầu cử",
        "Kế hoạch về thông tin, tuyên truyền, vận động cuộc bầu cử đại biểu Quốc hội khóa XV "
        "và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026.",
        "UBBC",
        date(2021, 2, 9),
        effective_date=date(2021, 2, 9),
        published=datetime(2021, 3, 1, 9, 0, tzinfo=VN),
    ),
    DocumentData(
        "624/SVHTT-QLVH",
        "Hướng dẫn trang trí, khánh tiết, tuyên truyền cổ động trực quan về cuộc bầu cử",
        "Về việc hướng dẫn trang trí, khánh tiết, tuyên truyền cổ động trực quan về cuộc bầu "
        "cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ "
        "2021-2026.",
        "SVHTT",
        date(2021, 3, 25),
        effective_date=date(2021, 3, 25),
        published=datetime(2021, 3, 25, 16, 30, tzinfo=VN),
    ),
    DocumentData(
        "34/UBBC-TCTTT",
        "Cung cấp thông tin về cuộc bầu cử",
        "Về việc cung cấp thông tin về cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội "
        "đồng nhân dân các cấp nhiệm kỳ 2021-2026.",
        "UBBC",
        date(2021, 3, 30),
        effective_date=date(2021, 3, 30),
        published=datetime(2021, 3, 31, 8, 0, tzinfo=VN),
    ),
    DocumentData(
        "42/2022/NĐ-CP",
        "Nghị định về cung cấp thông tin và dịch vụ công trực tuyến trên môi trường mạng",
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước "
        "trên môi trường mạng.",
        "CP",
        date(2022, 6, 24),
        level="central",
        effective_date=date(2022, 8, 15),
        published=datetime(2022, 7, 1, 9, 0, tzinfo=VN),
    ),
]


@dataclass(frozen=True)
class ArticleData:
    slug: str
    title: str
    lead: str
    agency: str
    published: datetime
    categories: list[str]
    body: list[tuple[str, object]]
    # Written in the agency's space (/co-quan/<code>/) rather than in "Tin tức".
    in_agency_space: bool = False
    color: str = "#b71c1c"
    related_documents: list[str] = field(default_factory=list)
    source_name: str = ""
    source_url: str = ""


def _at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2021, month, day, hour, minute, tzinfo=VN)


TIMELINE_TABLE = {
    "data": [
        ["Thời gian", "Công việc"],
        ["14/3/2021", "Hết thời hạn nộp hồ sơ ứng cử"],
        ["17/3/2021", "Hội nghị hiệp thương lần thứ hai"],
        ["13/4/2021", "Niêm yết danh sách cử tri tại các khu vực bỏ phiếu"],
        ["18/4/2021", "Hội nghị hiệp thương lần thứ ba"],
        ["03/5/2021", "Niêm yết danh sách chính thức những người ứng cử"],
        ["13/5/2021", "Thông báo thời gian và địa điểm bỏ phiếu"],
        ["23/5/2021", "Ngày bầu cử: bỏ phiếu từ 7 giờ đến 19 giờ"],
    ],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "Các mốc thời gian chính của cuộc bầu cử",
}

ARTICLES = [
    ArticleData(
        "hiep-thuong-lan-thu-hai",
        "Hội nghị hiệp thương lần thứ hai thống nhất danh sách sơ bộ người ứng cử",
        "Ủy ban MTTQ Việt Nam thành phố tổ chức Hội nghị hiệp thương lần thứ hai, lập danh "
        "sách sơ bộ những người ứng cử đại biểu Quốc hội và đại biểu HĐND thành phố để lấy ý "
        "kiến cử tri nơi cư trú.",
        "MTTQ",
        _at(3, 17, 16, 0),
        ["Người ứng cử"],
        [
            (
                "paragraph",
                "<p>Hội nghị có sự tham dự của đại diện Ủy ban bầu cử thành phố, Thường trực "
                "HĐND, UBND thành phố và các tổ chức thành viên của Mặt trận. Trên cơ sở hồ "
                "sơ ứng cử đã nhận đến hết ngày 14/3/2021, hội nghị xem xét tiêu chuẩn, cơ "
                "cấu, thành phần của từng người được giới thiệu.</p>",
            ),
            (
                "paragraph",
                "<p>Sau hội nghị, Ban Thường trực Ủy ban MTTQ Việt Nam thành phố phối hợp "
                "với các cơ quan, đơn vị tổ chức hội nghị lấy ý kiến cử tri nơi cư trú và nơi "
                "công tác đối với những người trong danh sách sơ bộ, bảo đảm dân chủ, công "
                "khai, đúng pháp luật.</p>",
            ),
        ],
        in_agency_space=True,
        color="#0d47a1",
    ),
    ArticleData(
        "huong-dan-trang-tri-co-dong-truc-quan",
        "Hướng dẫn trang trí, khánh tiết và cổ động trực quan cho cuộc bầu cử",
        "Sở Văn hóa và Thể thao hướng dẫn các sở, ngành, quận, huyện treo cờ, băng rôn, "
        "pa-nô và trang trí khánh tiết tại trụ sở, nơi công cộng và các khu vực bỏ phiếu.",
        "SVHTT",
        _at(3, 26, 9, 0),
        ["Tuyên truyền, cổ động"],
        [
            (
                "paragraph",
                "<p>Theo Công văn số 624/SVHTT-QLVH ngày 25/3/2021, việc cổ động trực quan "
                "được thực hiện thành hai đợt: đợt một từ cuối tháng 3 đến hết ngày bầu cử, "
                "đợt hai tập trung trong mười ngày trước ngày bầu cử. Nội dung khẩu hiệu phải "
                "đúng với danh mục do Ban Tuyên giáo Thành ủy ban hành.</p>",
            ),
            (
                "paragraph",
                "<p>Tại phòng bỏ phiếu, <b>Quốc kỳ</b> và ảnh Chủ tịch Hồ Chí Minh được đặt ở "
                "vị trí trang trọng; hòm phiếu đặt ở nơi dễ thấy; bảng niêm yết danh sách cử "
                "tri và danh sách người ứng cử đặt ở nơi thuận tiện cho cử tri theo dõi.</p>",
            ),
            (
                "quote",
                {
                    "text": "Trang trí phải trang trọng, tiết kiệm, phù hợp với điều kiện của "
                    "từng địa phương; tuyệt đối không để khẩu hiệu sai nội dung.",
                    "attribution": "Sở Văn hóa và Thể thao",
                },
            ),
        ],
        in_agency_space=True,
        color="#c62828",
        related_documents=["624/SVHTT-QLVH"],
    ),
    ArticleData(
        "tham-dinh-kinh-phi-bau-cu",
        "Sở Tài chính thẩm định kinh phí phục vụ công tác bầu cử",
        "Sở Tài chính rà soát dự trù kinh phí của các cơ quan, đơn vị cho công tác thông tin, "
        "tuyên truyền và tổ chức bầu cử, báo cáo Ủy ban bầu cử thành phố xem xét, quyết "
        "định.",
        "STC",
        _at(3, 30, 14, 0),
        ["Tổ chức bầu cử"],
        [
            (
                "paragraph",
                "<p>Kinh phí được thẩm định theo định mức chi cho công tác bầu cử do Bộ Tài "
                "chính hướng dẫn, ưu tiên các nhiệm vụ in ấn tài liệu, trang trí khu vực bỏ "
                "phiếu, bồi dưỡng cho lực lượng làm nhiệm vụ và bảo đảm an ninh, trật tự.</p>",
            ),
            (
                "paragraph",
                "<p>Sở đề nghị các đơn vị gửi dự trù đúng thời hạn, kèm thuyết minh cụ thể "
                "từng nội dung chi, và quyết toán kinh phí chậm nhất sau ba mươi ngày kể từ "
                "ngày kết thúc cuộc bầu cử.</p>",
            ),
        ],
        in_agency_space=True,
        color="#2e7d32",
    ),
    ArticleData(
        "dau-moi-thong-tin-bao-chi-ve-bau-cu",
        "Sở Thông tin và Truyền thông là đầu mối cung cấp thông tin cho báo chí về bầu cử",
        "Các cơ quan báo chí Trung ương và địa phương có nhu cầu tác nghiệp về cuộc bầu cử "
        "trên địa bàn thành phố liên hệ với Sở Thông tin và Truyền thông để được hướng dẫn.",
        "STTTT",
        _at(4, 2, 15, 20),
        ["Thông tin báo chí"],
        [
            (
                "paragraph",
                "<p>Sở Thông tin và Truyền thông tiếp nhận đề nghị của phóng viên, giới thiệu "
                "đến Ủy ban bầu cử các quận, huyện và các tổ bầu cử, tạo điều kiện thuận lợi "
                "để báo chí đưa tin đầy đủ, kịp thời về các bước của cuộc bầu cử.</p>",
            ),
            (
                "paragraph",
                "<p>Thông tin chính thức về kết quả bầu cử chỉ do Ủy ban bầu cử công bố; các "
                "cơ quan báo chí đăng, phát lại phải dẫn nguồn theo quy định.</p>",
            ),
        ],
        in_agency_space=True,
        color="#1565c0",
        related_documents=["34/UBBC-TCTTT"],
    ),
    ArticleData(
        "tang-cuong-cung-cap-thong-tin-ve-bau-cu",
        "Tăng cường cung cấp thông tin về cuộc bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp",
        "Ủy ban bầu cử thành phố đề nghị các sở, ngành, đoàn thể và Ủy ban bầu cử các quận, "
        "huyện thường xuyên cung cấp thông tin về kết quả triển khai công tác bầu cử để đăng "
        "tải trên Trang thông tin điện tử tuyên truyền về bầu cử.",
        "UBBC",
        _at(4, 7, 10, 35),
        ["Tuyên truyền, cổ động", "Thông tin báo chí"],
        [
            (
                "paragraph",
                "<p>Công văn số 34/UBBC-TCTTT ngày 30/3/2021 của Ủy ban bầu cử thành phố nêu "
                "rõ: các cơ quan, đơn vị, địa phương tiếp tục thực hiện Kế hoạch số 08/KH-UBBC "
                "về thông tin, tuyên truyền, vận động cuộc bầu cử, bảo đảm thông tin được cập "
                "nhật liên tục từ thành phố đến cơ sở.</p>",
            ),
            (
                "paragraph",
                "<p>Tin, bài và hình ảnh gửi về Sở Thông tin và Truyền thông và Tổ Công tác "
                "tuyên truyền về bầu cử để biên tập, đăng tải. Sở Thông tin và Truyền thông "
                "cập nhật đầy đủ các văn bản chỉ đạo của Trung ương và thành phố, quản lý chặt "
                "chẽ nội dung trên trang.</p>",
            ),
            (
                "quote",
                {
                    "text": "Mỗi cơ quan, địa phương là một nguồn tin chính thống, kịp thời về "
                    "cuộc bầu cử.",
                    "attribution": "Tổ Công tác tuyên truyền về bầu cử",
                },
            ),
            ("document", "34/UBBC-TCTTT"),
        ],
        color="#b71c1c",
        related_documents=["34/UBBC-TCTTT", "08/KH-UBBC", "624/SVHTT-QLVH"],
        source_name="Tổ Công tác tuyên truyền về bầu cử",
        source_url="https://www.example.org/to-cong-tac-tuyen-truyen",
    ),
    ArticleData(
        "niem-yet-danh-sach-cu-tri-hong-bang",
        "Quận Hồng Bàng niêm yết danh sách cử tri tại các khu vực bỏ phiếu",
        "Đúng ngày 13/4/2021, Ủy ban bầu cử quận Hồng Bàng hoàn thành niêm yết danh sách cử "
        "tri tại trụ sở Ủy ban nhân dân các phường và những nơi công cộng của khu vực bỏ "
        "phiếu.",
        "UBBCHB",
        _at(4, 13, 17, 45),
        ["Cử tri"],
        [
            (
                "paragraph",
                "<p>Danh sách cử tri được niêm yết chậm nhất là 40 ngày trước ngày bầu cử. Cử "
                "tri kiểm tra họ tên, ngày sinh, nơi cư trú của mình; nếu phát hiện sai sót "
                "hoặc bị bỏ sót, cử tri có quyền khiếu nại với Ủy ban nhân dân phường, nơi "
                "lập danh sách.</p>",
            ),
            (
                "paragraph",
                "<p>Cử tri tạm trú từ đủ 12 tháng trở lên, hoặc thay đổi nơi cư trú sau khi "
                "danh sách đã niêm yết, liên hệ tổ dân phố để được hướng dẫn bổ sung hoặc "
                "nhận giấy chứng nhận để bỏ phiếu ở nơi mới.</p>",
            ),
        ],
        in_agency_space=True,
        color="#6a1b9a",
    ),
    ArticleData(
        "hiep-thuong-lan-thu-ba",
        "Hội nghị hiệp thương lần thứ ba lập danh sách chính thức những người ứng cử",
        "Ủy ban MTTQ Việt Nam thành phố tổ chức Hội nghị hiệp thương lần thứ ba, lựa chọn, "
        "lập danh sách những người đủ tiêu chuẩn ứng cử đại biểu HĐND thành phố.",
        "MTTQ",
        _at(4, 18, 11, 0),
        ["Người ứng cử"],
        [
            (
                "paragraph",
                "<p>Căn cứ kết quả lấy ý kiến cử tri nơi cư trú và nơi công tác, hội nghị biểu "
                "quyết thông qua danh sách chính thức, bảo đảm số người ứng cử ở mỗi đơn vị "
                "bầu cử nhiều hơn số đại biểu được bầu theo quy định của Luật Bầu cử.</p>",
            ),
            (
                "paragraph",
                "<p>Danh sách được gửi Ủy ban bầu cử thành phố để công bố và niêm yết tại các "
                "khu vực bỏ phiếu chậm nhất ngày 3/5/2021.</p>",
            ),
        ],
        in_agency_space=True,
        color="#0d47a1",
    ),
    ArticleData(
        "chuyen-muc-hoi-dap-ve-bau-cu",
        "Ra mắt chuyên mục hỏi – đáp về bầu cử trên Trang thông tin điện tử",
        "Cử tri có thể gửi câu hỏi về quyền bầu cử, danh sách cử tri, cách thức bỏ phiếu và "
        "nhận trả lời từ Tổ Công tác tuyên truyền về bầu cử.",
        "STTTT",
        _at(4, 20, 9, 10),
        ["Cử tri", "Tuyên truyền, cổ động"],
        [
            (
                "paragraph",
                "<p>Những câu hỏi được quan tâm nhiều sẽ được tổng hợp, trả lời công khai và "
                "chia sẻ lại trên hệ thống loa truyền thanh cơ sở cùng các nhóm thông tin của "
                "tổ dân phố, thôn, xóm.</p>",
            ),
            (
                "paragraph",
                "<p>Sở Thông tin và Truyền thông đề nghị cử tri chỉ sử dụng thông tin từ các "
                "nguồn chính thống, không chia sẻ tin chưa được kiểm chứng về cuộc bầu "
                "cử.</p>",
            ),
        ],
        in_agency_space=True,
        color="#1565c0",
    ),
    ArticleData(
        "cac-moc-thoi-gian-cua-cuoc-bau-cu",
        "Các mốc thời gian chính của cuộc bầu cử cử tri cần biết",
        "Từ hồ sơ ứng cử đến ngày bỏ phiếu 23/5/2021: những mốc thời gian chính của cuộc bầu "
        "cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp.",
        "UBBC",
        _at(4, 26, 8, 30),
        ["Cử tri", "Tổ chức bầu cử"],
        [
            (
                "paragraph",
                "<p>Bảng dưới đây tóm tắt các mốc do Luật Bầu cử đại biểu Quốc hội và đại biểu "
                "Hội đồng nhân dân quy định và Hội đồng bầu cử quốc gia hướng dẫn.</p>",
            ),
            ("table", TIMELINE_TABLE),
            (
                "paragraph",
                "<p>Trường hợp có khu vực bỏ phiếu ở xa, tổ bầu cử có thể quyết định bắt đầu "
                "sớm hơn nhưng không trước 5 giờ sáng, hoặc kết thúc muộn hơn nhưng không "
                "quá 21 giờ.</p>",
            ),
        ],
        color="#ef6c00",
    ),
    ArticleData(
        "van-nghe-co-dong-chao-mung-ngay-bau-cu",
        "Chương trình văn nghệ, cổ động chào mừng ngày bầu cử",
        "Các đội thông tin lưu động biểu diễn tại các phường, xã, khu công nghiệp, đưa thông "
        "tin về cuộc bầu cử đến với người dân và người lao động.",
        "SVHTT",
        _at(5, 5, 19, 30),
        ["Tuyên truyền, cổ động"],
        [
            (
                "paragraph",
                "<p>Chương trình gồm các tiết mục ca ngợi quê hương, đất nước, xen kẽ phần "
                "giới thiệu ngắn về ý nghĩa của cuộc bầu cử, quyền và nghĩa vụ của cử tri.</p>",
            ),
            ("image", "Đội thông tin lưu động biểu diễn tại nhà văn hóa khu dân cư"),
            (
                "paragraph",
                "<p>Lịch biểu diễn được thông báo trên hệ thống truyền thanh cơ sở; người dân "
                "được tham gia miễn phí.</p>",
            ),
        ],
        in_agency_space=True,
        color="#c62828",
    ),
    ArticleData(
        "an-duong-trang-tri-khu-vuc-bo-phieu",
        "Huyện An Dương hoàn thành trang trí tại các khu vực bỏ phiếu",
        "Toàn bộ khu vực bỏ phiếu trên địa bàn huyện đã được trang trí, kẻ vẽ khẩu hiệu và "
        "bố trí hòm phiếu, buồng viết phiếu theo hướng dẫn.",
        "UBBCAD",
        _at(5, 10, 9, 30),
        ["Tổ chức bầu cử", "Tuyên truyền, cổ động"],
        [
            (
                "paragraph",
                "<p>Đoàn kiểm tra của Ủy ban bầu cử huyện đã đến từng khu vực bỏ phiếu, nhắc "
                "các tổ bầu cử bảo đảm lối đi thuận tiện cho người cao tuổi, người khuyết tật "
                "và bố trí nơi ngồi chờ có mái che.</p>",
            ),
            ("image", "Phòng bỏ phiếu được trang trí trang trọng, sẵn sàng cho ngày bầu cử"),
        ],
        in_agency_space=True,
        color="#2e7d32",
        related_documents=["624/SVHTT-QLVH"],
    ),
    ArticleData(
        "thong-bao-thoi-gian-dia-diem-bo-phieu",
        "Thông báo thời gian và địa điểm bỏ phiếu",
        "Các tổ bầu cử thông báo cho cử tri thời gian và địa điểm bỏ phiếu; việc bỏ phiếu "
        "bắt đầu từ 7 giờ và kết thúc vào 19 giờ ngày Chủ Nhật, 23/5/2021.",
        "UBBC",
        _at(5, 13, 8, 0),
        ["Cử tri", "Tổ chức bầu cử"],
        [
            (
                "paragraph",
                "<p>Thông báo được niêm yết tại khu vực bỏ phiếu và phát trên loa truyền thanh "
                "nhiều lần trong mười ngày trước ngày bầu cử.</p>",
            ),
            (
                "paragraph",
                "<p>Cử tri không thể đến phòng bỏ phiếu vì ốm đau, già yếu hoặc khuyết tật "
                "được tổ bầu cử mang hòm phiếu phụ và phiếu bầu đến chỗ ở hoặc nơi điều "
                "trị.</p>",
            ),
        ],
        color="#ef6c00",
    ),
    ArticleData(
        "hong-bang-dien-tap-cong-tac-bau-cu",
        "Quận Hồng Bàng tổ chức diễn tập công tác bầu cử",
        "Buổi diễn tập giúp các tổ bầu cử nắm vững quy trình từ khai mạc, kiểm tra hòm phiếu "
        "đến kiểm phiếu và lập biên bản.",
        "UBBCHB",
        _at(5, 15, 15, 0),
        ["Tổ chức bầu cử"],
        [
            (
                "paragraph",
                "<p>Các tình huống như mất điện, mưa lớn, cử tri làm hỏng phiếu hoặc mang "
                "phiếu của người khác đến bỏ đều được đưa vào kịch bản để tổ bầu cử thống "
                "nhất cách xử lý.</p>",
            ),
            (
                "paragraph",
                "<p>Công an quận đồng thời triển khai phương án bảo đảm an ninh, trật tự và "
                "phòng, chống dịch COVID-19 tại tất cả các khu vực bỏ phiếu.</p>",
            ),
        ],
        in_agency_space=True,
        color="#6a1b9a",
    ),
    ArticleData(
        "cu-tri-can-biet-khi-di-bau-cu",
        "Cử tri cần biết gì khi đi bầu cử?",
        "Mang theo thẻ cử tri, tự mình đi bầu, tự viết phiếu trong buồng kín và bỏ phiếu vào "
        "hòm: những điều cử tri cần nhớ trong ngày 23/5/2021.",
        "UBBC",
        _at(5, 21, 7, 0),
        ["Cử tri"],
        [
            (
                "paragraph",
                "<p>Việc bầu cử theo nguyên tắc phổ thông, bình đẳng, trực tiếp và bỏ phiếu "
                "kín. Cử tri không được nhờ người khác bầu thay hoặc bầu bằng cách gửi thư; "
                "cử tri không tự viết được thì nhờ người khác viết hộ nhưng phải tự mình bỏ "
                "phiếu.</p>",
            ),
            (
                "paragraph",
                "<p>Khi viết phiếu, cử tri gạch ngang cả họ và tên người mình không bầu. Nếu "
                "viết hỏng, cử tri đề nghị tổ bầu cử đổi phiếu khác.</p>",
            ),
            (
                "quote",
                {
                    "text": "Mỗi lá phiếu là tiếng nói của cử tri trong việc lựa chọn người đại "
                    "diện cho mình.",
                    "attribution": "Ủy ban bầu cử thành phố",
                },
            ),
        ],
        color="#b71c1c",
    ),
    ArticleData(
        "ngay-hoi-cua-toan-dan",
        "Ngày hội của toàn dân: cử tri thành phố nô nức đi bầu cử",
        "Ngay từ sáng sớm 23/5/2021, cử tri ở các khu vực bỏ phiếu trên địa bàn thành phố đã "
        "có mặt để thực hiện quyền và nghĩa vụ công dân.",
        "UBBC",
        _at(5, 23, 19, 30),
        ["Tổ chức bầu cử", "Thông tin báo chí"],
        [
            (
                "paragraph",
                "<p>Theo báo cáo nhanh của Ủy ban bầu cử các quận, huyện, cuộc bầu cử diễn ra "
                "an toàn, dân chủ, đúng pháp luật; các tổ bầu cử thực hiện nghiêm các biện "
                "pháp phòng, chống dịch COVID-19.</p>",
            ),
            (
                "paragraph",
                "<p>Kết quả bầu cử sẽ được Ủy ban bầu cử thành phố công bố theo đúng thời hạn "
                "quy định và đăng tải trên Trang thông tin điện tử này.</p>",
            ),
        ],
        color="#c62828",
    ),
]

# (slug, title, topic, question, answer): Q&A written for the demo from the law's rules.
QUESTIONS = [
    (
        "di-lam-xa-bo-phieu-o-dau",
        "Cử tri đi làm xa nơi cư trú bỏ phiếu ở đâu?",
        "Cử tri",
        "Tôi tạm trú ở nơi khác để làm việc thì có được bỏ phiếu ở đó không?",
        "<p>Cử tri tạm trú có thể đề nghị được ghi tên vào danh sách cử tri nơi tạm trú theo "
        "quy định của Luật Bầu cử (ví dụ minh họa, hãy hỏi Ủy ban nhân dân xã, phường).</p>",
    ),
    (
        "danh-sach-chinh-thuc-cong-bo-khi-nao",
        "Danh sách chính thức những người ứng cử được công bố khi nào?",
        "Người ứng cử",
        "Khi nào cử tri biết danh sách những người ứng cử ở đơn vị bầu cử của mình?",
        "<p>Chậm nhất là 20 ngày trước ngày bầu cử (khoản 7 Điều 57 Luật Bầu cử số "
        "85/2015/QH13); danh sách được niêm yết tại khu vực bỏ phiếu và đăng trên cổng này.</p>",
    ),
]

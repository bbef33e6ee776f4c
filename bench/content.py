"""The benchmark portal's content: agencies, categories, and article bodies of realistic size.

Written for the benchmark; the agency names and document numbers follow a city's 2021 election
portal. Bodies are Wagtail rich text with internal page and document links, an image and a
quote, about 4 KB stored and 5 KB of HTML once rendered, as a newsroom writes them.
"""

from __future__ import annotations

AGENCIES = [
    ("UBBC", "Ủy ban bầu cử thành phố", "election_committee"),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "fatherland_front"),
    ("UBND", "Ủy ban nhân dân thành phố", "peoples_committee"),
    ("STTTT", "Sở Thông tin và Truyền thông", "department"),
    ("SVHTT", "Sở Văn hóa và Thể thao", "department"),
    ("SNV", "Sở Nội vụ", "department"),
    ("STC", "Sở Tài chính", "department"),
    ("CAPT", "Công an thành phố", "department"),
    ("UBBCHB", "Ủy ban bầu cử quận Hồng Bàng", "district_election_committee"),
    ("UBBCLC", "Ủy ban bầu cử quận Lê Chân", "district_election_committee"),
    ("UBBCNQ", "Ủy ban bầu cử quận Ngô Quyền", "district_election_committee"),
    ("UBBCTN", "Ủy ban bầu cử huyện Thủy Nguyên", "district_election_committee"),
]

SOCIAL_CHANNELS = [
    ("Fanpage Facebook", "https://www.facebook.com/baucu.example"),
    ("Zalo OA", "https://zalo.me/baucu.example"),
]

CATEGORIES = [
    "Tuyên truyền",
    "Hoạt động của Ủy ban bầu cử",
    "Hiệp thương",
    "Danh sách cử tri",
    "Tiếp xúc cử tri",
    "Bảo đảm an ninh trật tự",
    "Hỏi đáp pháp luật bầu cử",
    "Kết quả bầu cử",
]

TOPICS = [
    "Tăng cường thông tin, tuyên truyền về cuộc bầu cử",
    "Niêm yết danh sách cử tri tại khu vực bỏ phiếu",
    "Hội nghị hiệp thương lần thứ ba",
    "Kiểm tra công tác chuẩn bị bầu cử tại các quận, huyện",
    "Tập huấn nghiệp vụ cho tổ bầu cử",
    "Bảo đảm an ninh, trật tự phục vụ ngày bầu cử",
    "Người ứng cử tiếp xúc cử tri",
    "Trang trí, cổ động trực quan chào mừng ngày bầu cử",
    "Hướng dẫn cử tri thực hiện quyền bầu cử",
    "Cung cấp thông tin cho báo chí về cuộc bầu cử",
]

PLACES = ["Hồng Bàng", "Lê Chân", "Ngô Quyền", "Kiến An", "Hải An", "Thủy Nguyên", "An Dương"]

DOCUMENT_KINDS = [
    ("KH", "UBBC", "Kế hoạch thông tin, tuyên truyền, vận động cuộc bầu cử"),
    ("HD", "UBBC", "Hướng dẫn nghiệp vụ công tác bầu cử cho tổ bầu cử"),
    ("TB", "UBBC", "Thông báo về việc niêm yết danh sách cử tri"),
    ("QĐ", "UBBC", "Quyết định thành lập các tổ bầu cử"),
    (None, "SVHTT-QLVH", "Về việc hướng dẫn trang trí, khánh tiết, cổ động trực quan về bầu cử"),
    (None, "UBBC-TCTTT", "Về việc cung cấp thông tin về cuộc bầu cử"),
]


def document_number(serial: int, type_code: str | None, issuer: str) -> str:
    """A reference number such as ``08/KH-UBBC`` or ``34/UBBC-TCTTT``."""
    return f"{serial}/{type_code}-{issuer}" if type_code else f"{serial}/{issuer}"


def article_title(serial: int) -> str:
    topic = TOPICS[serial % len(TOPICS)]
    return f"{topic} tại {PLACES[serial % len(PLACES)]} (số {serial})"


def article_lead(serial: int) -> str:
    return (
        f"Ủy ban bầu cử {PLACES[serial % len(PLACES)]} tổ chức kiểm tra, đôn đốc công tác chuẩn "
        "bị bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ "
        "2021-2026, bảo đảm cuộc bầu cử diễn ra dân chủ, đúng pháp luật."
    )


def article_body(
    serial: int, *, image_id: int, news_index_id: int, document_id: int | None
) -> list[dict]:
    """StreamField data of one article (about 5 KB rendered), with links Wagtail must expand."""
    place = PLACES[serial % len(PLACES)]
    document_link = (
        f'<a linktype="document" id="{document_id}">văn bản hướng dẫn kèm theo</a>'
        if document_id
        else "văn bản hướng dẫn của Ủy ban bầu cử thành phố"
    )
    first = (
        f"<h2>Công tác chuẩn bị tại {place}</h2>"
        "<p>Thực hiện Kế hoạch số 08/KH-UBBC ngày 09/02/2021 của Ủy ban bầu cử thành phố, "
        f"Ủy ban bầu cử {place} đã thành lập các đoàn kiểm tra, làm việc trực tiếp với từng "
        "tổ bầu cử về việc lập và niêm yết danh sách cử tri, bố trí khu vực bỏ phiếu, chuẩn bị "
        "hòm phiếu, con dấu và tài liệu phục vụ ngày bầu cử. Qua kiểm tra, các đơn vị cơ bản "
        "hoàn thành đúng tiến độ; một số khu vực bỏ phiếu được yêu cầu bổ sung biển chỉ dẫn và "
        "niêm yết lại danh sách cử tri ở nơi thuận tiện hơn cho người dân theo dõi.</p>"
        "<p>Đoàn kiểm tra đề nghị các tổ bầu cử rà soát kỹ danh sách cử tri, đặc biệt là cử tri "
        "tạm vắng, tạm trú, người đang điều trị tại cơ sở y tế và người cao tuổi, bảo đảm "
        "không bỏ sót và không trùng lặp. Những thay đổi về cử tri phải được cập nhật kịp thời "
        "và thông báo công khai, để mọi công dân đủ điều kiện đều thực hiện được quyền bầu cử "
        "của mình.</p>"
        "<ul><li>Niêm yết danh sách cử tri chậm nhất 40 ngày trước ngày bầu cử;</li>"
        "<li>Niêm yết danh sách người ứng cử tại khu vực bỏ phiếu;</li>"
        "<li>Kiểm tra phòng bỏ phiếu, hòm phiếu phụ và phương án dự phòng;</li>"
        "<li>Tập huấn nghiệp vụ cho thành viên tổ bầu cử.</li></ul>"
        "<p>Ủy ban bầu cử thành phố đề nghị các cơ quan, đơn vị cập nhật thông tin về "
        f'<a linktype="page" id="{news_index_id}">trang tin tức bầu cử</a> của thành phố và '
        f"thực hiện theo {document_link}. Thông tin chi tiết được đăng tải tại "
        '<a href="https://baucu.example.vn/hoi-dap/">chuyên mục hỏi đáp</a>.</p>'
    )
    second = (
        "<h3>Tuyên truyền sâu rộng đến cử tri</h3>"
        "<p>Cùng với công tác chuẩn bị về tổ chức, các phường, xã đã đẩy mạnh tuyên truyền trên "
        "hệ thống loa truyền thanh cơ sở, băng rôn, pa nô, áp phích và mạng xã hội. Nội dung "
        "tuyên truyền tập trung vào ý nghĩa, tầm quan trọng của cuộc bầu cử, quyền và nghĩa vụ "
        "của cử tri, nguyên tắc bầu cử phổ thông, bình đẳng, trực tiếp và bỏ phiếu kín, cũng "
        "như thời gian, địa điểm bỏ phiếu tại từng khu vực.</p>"
        "<p>Các tổ dân phố tổ chức hội nghị cử tri để giới thiệu tiểu sử tóm tắt của người ứng "
        "cử, lắng nghe ý kiến, kiến nghị của người dân và giải đáp kịp thời những thắc mắc. "
        "Sở Thông tin và Truyền thông phối hợp với các cơ quan báo chí trên địa bàn thường "
        "xuyên cập nhật tin, bài, phóng sự về không khí chuẩn bị bầu cử, tạo sự đồng thuận "
        "và phấn khởi trong toàn xã hội trước ngày hội lớn của toàn dân.</p>"
        "<p>Lực lượng công an, quân sự phối hợp xây dựng phương án bảo vệ an ninh, trật tự tại "
        "các khu vực bỏ phiếu, nơi lưu giữ tài liệu bầu cử; sẵn sàng xử lý các tình huống phát "
        "sinh, bảo đảm cuộc bầu cử diễn ra an toàn, dân chủ, đúng pháp luật và tiết kiệm.</p>"
        "<p>Ủy ban bầu cử đề nghị các tổ bầu cử hoàn thành việc phát thẻ cử tri trước ngày bầu "
        "cử, kiểm tra lại con dấu, phiếu bầu và các biểu mẫu; bố trí lực lượng hỗ trợ người cao "
        "tuổi, người khuyết tật đến khu vực bỏ phiếu. Kết quả kiểm phiếu được lập biên bản, "
        "niêm yết công khai và gửi về Ủy ban bầu cử theo đúng thời gian quy định.</p>"
    )
    return [
        {"type": "paragraph", "value": first, "id": f"p1-{serial}"},
        {
            "type": "image",
            "value": {
                "image": image_id,
                "caption": f"Kiểm tra công tác chuẩn bị bầu cử tại {place}",
                "alt_text": f"Đoàn kiểm tra làm việc với tổ bầu cử tại {place}",
            },
            "id": f"img-{serial}",
        },
        {"type": "paragraph", "value": second, "id": f"p2-{serial}"},
        {
            "type": "quote",
            "value": {
                "text": "Mỗi cử tri hãy chủ động tìm hiểu thông tin và đi bỏ phiếu đúng thời gian.",
                "attribution": f"Chủ tịch Ủy ban bầu cử {place}",
            },
            "id": f"q-{serial}",
        },
    ]
